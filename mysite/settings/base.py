"""Settings shared by every environment, safe for production as they stand.

Nothing here is a secret and DEBUG is off: `dev` and `test` loosen what they
need, `production` adds what only a deployment knows, from the environment.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
# No default: `dev` and `test` set their own throwaway key, `production`
# refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "core",
    "accounts",
    "home",
    "campaigns",
    "resources",
    "newsletter",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
]

MIDDLEWARE = [
    "core.serving.onion.OnionBeforeSecurityMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.serving.onion.OnionAfterSecurityMiddleware",
    "core.serving.headers.SecurityHeadersMiddleware",
    "core.serving.headers.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.serving.page_cache.PageCacheMiddleware",
    "core.serving.headers.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.serving.onion.OnionLocationMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mysite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "mysite.wsgi.application"

# One DATABASE_URL; without it, the embedded SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL counts as unset.
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# The embedded SQLite file serves several requests at once (an editor's
# autosave beside a submit, gunicorn threads): WAL lets readers go on while
# one writer writes, writers wait up to 20 s for each other instead of failing
# with "database is locked", and a transaction takes the write lock when it
# begins (IMMEDIATE), so it cannot fail half-way when it starts to write.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        **SQLITE_OPTIONS,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set (production, CI); local memory otherwise.
# With Redis down the site degrades, never fails: a cache call gives up within
# REDIS_TIMEOUT_SECONDS and answers "nothing cached", then Redis is left alone
# for CACHE_RETRY_SECONDS (core/serving/resilient.py); the newsletter's rate
# limits then count in each process. When Redis is back everything resumes.
REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT_SECONDS", "1"))
REDIS_CACHE_OPTIONS = {
    "CLIENT_CLASS": "django_redis.client.DefaultClient",
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS,
    "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS,
}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "core.serving.resilient.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": REDIS_CACHE_OPTIONS,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "mysite"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work runs at once in development and tests; production switches
# to the database backend and `db_worker` processes. Two queues: `default`
# (confirmation emails, quick) and `documents` (PDF stripping and text
# extraction, slow), so a huge PDF never delays a sign-up's email.
TASK_QUEUES = ["default", "documents"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,
    }
}
# What one document may cost the worker (core.sandbox): wall-clock and CPU
# seconds, and address space of the child process.
DOCUMENT_PROCESSING_SECONDS = int(os.environ.get("DOCUMENT_PROCESSING_SECONDS", "120"))
DOCUMENT_PROCESSING_MEMORY_MB = int(
    os.environ.get("DOCUMENT_PROCESSING_MEMORY_MB", "1024")
)

# Staff accounts (accounts/): failed sign-ins are throttled by django-axes,
# per account and per client, the client kept only as a keyed hash
# (accounts/throttle.py); a second factor is required for the admin.
# AxesBackend (axes' check plus ModelBackend's get_user) first: code that
# signs in with AUTHENTICATION_BACKENDS[0], e.g. Wagtail's test helpers, works.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.hashed_client_address"
AXES_HANDLER = "accounts.throttle.PrivateAxesHandler"
AXES_LOCKOUT_CALLABLE = "accounts.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # no row per sign-in and sign-out
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_ENABLE_ADMIN = False
# Every staff user must pass TOTP (or a recovery code) to use the admin;
# `dev` and `test` turn it off, tests turn it back on to test it.
ADMIN_REQUIRE_2FA = os.environ.get("ADMIN_REQUIRE_2FA", "true") == "true"
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Campaigns admin")

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default and lives at the site root; other
# languages are prefixed (/fr/, /es/, /ar/, /zh-hans/). Arabic is written
# right to left: Django's LANGUAGES_BIDI gives `<html dir="rtl">`.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Simplified Chinese")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Dates as each language writes them ("2023年2月20日", "20 de febrero de 2023");
# templates format dates with DATE_FORMAT, never a fixed pattern.
FORMAT_MODULE_PATH = ["mysite.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page forms can exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security defaults that hold in every environment.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads it from JavaScript.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Headers, Content-Security-Policy and caching of public pages: see
# core/serving/ (its package docstring states what is cached and sent).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# Features no page uses, refused to the page and anything it frames. Autoplay
# and fullscreen keep their defaults: the video player, loaded on a click,
# is allowed them by its iframe's `allow` attribute.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "browsing-topics", "camera", "geolocation", "gyroscope",
        "magnetometer", "microphone", "payment", "usb",
    )
)  # fmt: skip
# The only hosts a public page may frame: the video hosts' privacy-enhanced
# players, loaded only after the reader clicks play.
VIDEO_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": VIDEO_FRAME_HOSTS,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin uses inline scripts and styles, blob: and data: images;
# its previews are framed by the admin itself (core/serving/headers.py).
ADMIN_URL_PREFIXES = ("/admin/",)
# The pattern library at /patterns/ (home/patterns.py): on in development
# and for `make screenshots` only.
PATTERN_LIBRARY = False
# The site's Tor onion host, if it has one (production reads ONION_HOST).
ONION_HOST = ""
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-src": ["'self'", *VIDEO_FRAME_HOSTS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Anonymous pages are `Cache-Control: public` for CDNs and browsers;
# publishing purges the CDN (WAGTAILFRONTENDCACHE) and the page cache.
PUBLIC_CACHE_MAX_AGE = int(os.environ.get("PUBLIC_CACHE_MAX_AGE", "300"))
PUBLIC_CACHE_MAX_AGE_NOT_FOUND = 60
PAGE_CACHE_ENABLED = True
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# After a cache failure, how long each process serves without asking it.
CACHE_RETRY_SECONDS = 5
# A CDN or Varnish in front of the site that accepts HTTP PURGE requests.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "campaigns@example.org")

# Newsletter sign-ups: rate limit, client address, form tokens.
from .newsletter import *  # noqa: E402, F403

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Campaigns"
# Moderation emails and the demo site's address; `make run PORT=8100` sets it
# to the port the site is served on.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")


from .passkeys import webauthn_relying_party  # noqa: E402

# Passkeys (django-otp-webauthn) as a second factor beside TOTP, never instead
# of the password: sign-in keeps its throttling and its one form.
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = webauthn_relying_party(
    WAGTAILADMIN_BASE_URL
)
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backend"}}
# PostgreSQL full-text configuration per language (core.search_backend,
# core.fulltext): stemming where PostgreSQL has a stemmer, else "simple".
SEARCH_CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "": "simple"}
# A search query is stopped after this long ("too broad, narrow it").
SEARCH_TIMEOUT_MS = 2000
# The admin calls no outside host: no release check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The editorial and newsletter roles, and what each may do: core/roles.py.
# The page type a resource's "related campaign" is chosen from. Named here,
# where the apps are wired together: resources sits below campaigns.
RESOURCES_RELATED_CAMPAIGN_TYPE = "campaigns.CampaignPage"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Dates in the admin are typed and shown year first: 2021-10-08 cannot be
# read as 10 August. Django's input formats for every language accept these.
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
# Wagtail autosaves an editor's form every half second by default; every
# five seconds keeps fewer abandoned drafts and revisions. (An autosave
# racing a click on the "add page" form is handled by core.moderation.)
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("WAGTAIL_AUTOSAVE_INTERVAL", "5000"))
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents are served by the site itself, as attachments.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Upload forms that refuse files whose metadata cannot be removed; the image
# form also labels and explains the alt text (core/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.upload_forms.MetadataSafeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.upload_forms.MetadataSafeDocumentForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
