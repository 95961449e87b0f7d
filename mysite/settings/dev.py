"""Local development: debug on, console email, SQLite and local memory."""

from .base import *  # noqa: F403

DEBUG = True
# Throwaway key for a developer's machine only; production refuses to start
# without its own in DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get(  # noqa: F405
    "DJANGO_SECRET_KEY", "dev-only-insecure-key-never-used-in-production"
)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Second factor and sign-in throttling stay on in production; a developer's
# machine can do without the second factor.
ADMIN_REQUIRE_2FA = os.environ.get("ADMIN_REQUIRE_2FA", "false") == "true"  # noqa: F405

# The pattern library at /patterns/ (home/patterns.py): for designers and
# developers, never in production.
PATTERN_LIBRARY = True
