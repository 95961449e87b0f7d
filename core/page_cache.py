"""Whole-page cache for anonymous readers, emptied whenever content changes.

wagtail-cache, the usual package, does not support Wagtail 8 (it requires
wagtail<8.0), hence this small middleware. It keeps only what
`PublicCacheMiddleware` marked `Cache-Control: public` (anonymous GET/HEAD
200 responses that set no cookie and do not vary on one), so it never keeps
the admin, a form POST, a page behind a view restriction or a response with
a cookie. Entries are keyed on the full URL and a generation number;
publishing, unpublishing, moving or deleting a page, or saving a snippet,
setting, image or document, bumps the generation, which orphans every entry
at once without wiping the rest of the cache (rate-limit counters live there
too). Orphans expire after `PAGE_CACHE_SECONDS`.

In production the cache is Redis (shared by every gunicorn worker); with the
embedded local-memory cache each process has its own copy and its own
generation, so only a single-process server sees every bump.
"""

import functools
import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from wagtail import signals as wagtail_signals
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

GENERATION_KEY = "pagecache:generation"
SETTINGS_MODELS = BaseSiteSetting | BaseGenericSetting


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def new_generation():
    # Time-based, so that a generation lost from the cache (evicted, or the
    # cache restarted) is never reused: entries of the old one stay orphans.
    return time.time_ns() // 1000


def generation():
    return page_cache().get_or_set(GENERATION_KEY, new_generation, timeout=None)


def clear_page_cache(**kwargs):
    """Orphans every cached page: the next request for each renders it anew."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation stored yet: nothing is cached either
        cache.set(GENERATION_KEY, new_generation(), timeout=None)


def cache_key(request):
    url = request.build_absolute_uri()
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"pagecache:{generation()}:{digest}"


def is_cacheable_request(request):
    """GET/HEAD outside the admin, from a reader who is not logged in."""
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    # Wagtail's previews run a dummy request for the page's URL: it must
    # render the draft, never the cached live page.
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False
    if request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
        return False
    # A logged-in editor bypasses the cache: what they see may differ (a
    # restricted page), and they want to see their change at once.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_cacheable_response(response):
    """Only responses that PublicCacheMiddleware declared shareable."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "public" in cache_control
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class PageCacheMiddleware:
    """Serves anonymous page views from the cache; stores the public ones.

    In `MIDDLEWARE` just below WhiteNoise (static files never reach it) and
    the security headers (added to every response, cached or not), and above
    everything else, so that a hit costs two cache lookups and no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = page_cache().get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if request.method == "GET" and is_cacheable_response(response):
            headers = list(response.items())
            page_cache().set(
                key,
                (response.status_code, headers, response.content),
                settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response


@functools.cache
def watched_models():
    """Models whose saved or deleted rows show on public pages."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Site
    from wagtail.snippets.models import get_snippet_models

    watched = {Site, get_image_model(), get_document_model(), *get_snippet_models()}
    watched.update(
        model
        for model in apps.get_models()
        if issubclass(model, SETTINGS_MODELS | Page)
    )
    return frozenset(watched)


def clear_on_save(sender, instance, created=False, **kwargs):
    # A page or a draft-capable snippet changes the site only when published
    # (the signals above); a plain snippet, setting or image when saved. A
    # settings row made with its defaults on first read changes nothing.
    if sender not in watched_models() or hasattr(instance, "live"):
        return
    if created and issubclass(sender, SETTINGS_MODELS):
        return
    clear_page_cache()


def clear_on_delete(sender, **kwargs):
    if sender in watched_models():
        clear_page_cache()


def connect_signals():
    """Empties the page cache whenever published content may have changed."""
    uid = "core.page_cache.clear"
    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        wagtail_signals.page_slug_changed,
        wagtail_signals.published,
        wagtail_signals.unpublished,
    ):
        signal.connect(clear_page_cache, dispatch_uid=uid)
    post_save.connect(clear_on_save, dispatch_uid=uid)
    post_delete.connect(clear_on_delete, dispatch_uid=uid)
