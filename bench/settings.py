"""Settings of the benchmark's server: the browser tests' server, production-like.

As tests/browser/server_settings.py (own database and media, WhiteNoise,
page cache on), plus: the database from BENCH_DATABASE_URL when given
(PostgreSQL for the sign-up run), background tasks in the database as in
production, and no email actually sent.
"""

import os

import dj_database_url

from tests.browser.server_settings import *  # noqa: F403

if os.environ.get("BENCH_DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["BENCH_DATABASE_URL"])}
if os.environ.get("BENCH_TASKS_IN_DATABASE"):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
# Uncached renders are measured with the cache off in the measuring process.
PAGE_CACHE_ENABLED = os.environ.get("BENCH_PAGE_CACHE", "1") == "1"
