"""Media storage on S3-compatible object storage, served from the site's origin."""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class SameOriginS3Storage(S3Storage):
    """S3 storage whose file URLs are under MEDIA_URL, never the bucket's host.

    The front (deploy/Caddyfile) proxies /media/ to the bucket, so a page
    loads nothing from another host and readers' browsers never meet the
    storage provider.
    """

    def url(self, name, parameters=None, expire=None, http_method=None):
        key = self._normalize_name(clean_name(name))
        return settings.MEDIA_URL + filepath_to_uri(key)
