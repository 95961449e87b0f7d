"""The test suite: fast hashing, in-memory email, files in a temp folder."""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mysite-test-media-"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests that check the page cache turn it on for themselves: elsewhere a
# page cached by one test must not leak into the next one.
PAGE_CACHE_ENABLED = False
# Tests that check sign-in throttling or the second factor turn them on:
# elsewhere Django's test client signs in without a request (axes needs one).
ADMIN_REQUIRE_2FA = False
AXES_ENABLED = False


def redis_url_for_worker(url, worker):
    """The Redis URL of one pytest-xdist worker: its own database number.

    The suite empties the cache around every test, and django-redis's clear()
    flushes the whole database, so parallel workers must not share one.
    Worker gwN counts down from the database in REDIS_URL: with
    redis://host/15, gw0 uses 15 and gw1 uses 14.
    """
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    number = base - int(worker.removeprefix("gw"))
    if number < 0:
        raise ImproperlyConfigured(
            f"{worker} would need Redis database {number}: start from a higher "
            f"database than {base} in REDIS_URL, or run fewer workers (-n)."
        )
    return urlunsplit(parts._replace(path=f"/{number}"))


# PYTEST_XDIST_WORKER is set in each worker process ("gw0", "gw1", ...).
if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get("REDIS_URL"):
    CACHES["default"]["LOCATION"] = redis_url_for_worker(  # noqa: F405
        os.environ["REDIS_URL"], os.environ["PYTEST_XDIST_WORKER"]
    )
