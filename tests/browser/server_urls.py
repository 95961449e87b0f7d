"""The site's URLs, plus media files (served by S3 or the web server in production)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from mysite.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
