"""Production: everything a deployment knows comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set: production will not start without it."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set: list the site's host names, "
        "separated by commas."
    )

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Behind the TLS-terminating front (deploy/Caddyfile), which sets
# X-Forwarded-Proto itself and overwrites whatever the client sent: the app
# trusts this header only because nothing else can reach gunicorn.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true") == "true"
# The container's HEALTHCHECK and load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Any http:// address left in content is fetched over https.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]  # noqa: F405
# A Tor onion service in front of the same app (core/serving/onion.py): served
# over plain http (Tor encrypts end to end), so its origin is http://.
ONION_HOST = os.environ.get("ONION_HOST", "").strip().lower()
if ONION_HOST:
    ALLOWED_HOSTS.append(ONION_HOST)  # noqa: F405
    CSRF_TRUSTED_ORIGINS.append(f"http://{ONION_HOST}")

# Background tasks go through the database and `manage.py db_worker`
# processes: one for each queue (`db_worker --queue-name default` and
# `db_worker --queue-name documents`), so emails never wait behind PDFs.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}

# A PostgreSQL that does not answer fails the request (and /healthz) in
# seconds instead of holding a gunicorn thread.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5  # noqa: F405

# Media: the local volume (MEDIA_ROOT) by default, or any S3-compatible
# object storage when AWS_STORAGE_BUCKET_NAME is set. Either way media URLs
# stay on the site's own origin (the front serves or proxies /media/), or
# on MEDIA_HOST, which the Content-Security-Policy then names.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "mysite.storage.SameOriginS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            # Objects stay private to the bucket's policy; no signed URLs
            # leave the site, and an upload never replaces another file.
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
if os.environ.get("MEDIA_HOST"):
    MEDIA_URL = f"https://{os.environ['MEDIA_HOST']}/media/"
    for _directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive].append(  # noqa: F405
            f"https://{os.environ['MEDIA_HOST']}"
        )

# Email: SMTP or a provider through anymail, and the newsletter send rate
# (one block, in its own module).
from .email import *  # noqa: E402, F403

SERVER_EMAIL = DEFAULT_FROM_EMAIL  # noqa: F405

# Behind the proxy, the client address for the sign-up rate limit comes from
# X-Forwarded-For (its rightmost entry, added by our own proxy).
NEWSLETTER_CLIENT_IP_HEADER = os.environ.get(
    "NEWSLETTER_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR"
)
