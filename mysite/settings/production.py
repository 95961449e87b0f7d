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

# Behind a TLS-terminating proxy or CDN.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true") == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Any http:// address left in content is fetched over https.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]  # noqa: F405

# Background tasks go through the database and a `manage.py db_worker` process.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Email: SMTP or a provider through anymail, and the newsletter send rate
# (one block, in its own module).
from .email import *  # noqa: E402, F403

SERVER_EMAIL = DEFAULT_FROM_EMAIL  # noqa: F405

# Behind the proxy, the client address for the sign-up rate limit comes from
# X-Forwarded-For (its rightmost entry, added by our own proxy).
NEWSLETTER_CLIENT_IP_HEADER = os.environ.get(
    "NEWSLETTER_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR"
)
