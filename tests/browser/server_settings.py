"""Settings of the live server the browser tests drive (see conftest.py).

The test settings, plus what a real server process needs: its own SQLite
file, media served from its own folder, email written to files that the
tests read, static files served by WhiteNoise, and the page cache on (a
single process, so the local-memory cache is the whole cache).
"""

import os
from pathlib import Path

from mysite.settings.test import *  # noqa: F403

STATE_DIR = Path(os.environ["PROOF_SERVER_DIR"])
SERVER_URL = os.environ["PROOF_SERVER_URL"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": STATE_DIR / "db.sqlite3",
        # As the embedded default (mysite/settings/base.py): WAL, a busy
        # timeout and immediate transactions.
        "OPTIONS": SQLITE_OPTIONS,  # noqa: F405
    }
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ROOT_URLCONF = "tests.browser.server_urls"
MEDIA_ROOT = STATE_DIR / "media"
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = STATE_DIR / "mail"
WHITENOISE_USE_FINDERS = True
WAGTAILADMIN_BASE_URL = SERVER_URL
PAGE_CACHE_ENABLED = True
# A browser fills the form within a second, and every test comes from one
# address: the time trap and the rate limit have their own tests.
NEWSLETTER_MIN_FORM_AGE = 0
NEWSLETTER_RATE_LIMIT = (10_000, 600)
# `make screenshots` captures the pattern library too.
PATTERN_LIBRARY = os.environ.get("SCREENSHOT_PATTERNS") == "1"
