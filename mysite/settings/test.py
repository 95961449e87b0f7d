"""The test suite: fast hashing, in-memory email, files in a temp folder."""

import tempfile

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
