"""Which requests belong to the Wagtail admin: asked in one place.

`ADMIN_URL_PREFIXES` (settings) lists the admin's URL prefixes; the caches,
the headers and the request memo all ask `is_admin_path`.
"""

from django.conf import settings


def is_admin_path(path):
    """Whether `path` (a request's path_info) belongs to the Wagtail admin."""
    return path.startswith(settings.ADMIN_URL_PREFIXES)


def is_preview_path(path):
    """Admin URLs whose response the admin shows inside its own iframe.

    Page previews (.../preview/), block previews (/admin/block-preview/) and
    the workflow's previews.
    """
    segments = path.strip("/").split("/")
    return is_admin_path(path) and any(
        segment == "preview" or segment.endswith("-preview") for segment in segments
    )
