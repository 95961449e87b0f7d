"""Settings of `make bench-send`: tasks in the database, mail to a local sink.

The database is BENCH_SEND_DATABASE_URL (a throwaway SQLite file by default,
or PostgreSQL); mail goes over SMTP to the benchmark's aiosmtpd sink on
127.0.0.1:BENCH_SMTP_PORT, with no rate limit so the figure is the site's own.
"""

import os

import dj_database_url

from mysite.settings.base import *  # noqa: F403

SECRET_KEY = "bench-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["bench.example", "127.0.0.1", "localhost"]
DATABASES = {"default": dj_database_url.parse(os.environ["BENCH_SEND_DATABASE_URL"])}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}  # noqa: F405
}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("BENCH_SMTP_PORT", "8025"))
EMAIL_USE_TLS = False
NEWSLETTER_SEND_RATE = 0
NEWSLETTER_SEND_BATCH = 200
NEWSLETTER_SEND_STALE_SECONDS = 5
PAGE_CACHE_ENABLED = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
