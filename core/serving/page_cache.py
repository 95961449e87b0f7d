"""Whole-page cache for anonymous readers, emptied whenever content changes.

wagtail-cache, the usual package, does not support Wagtail 8 (it requires
wagtail<8.0), hence this middleware. It keeps only what `PublicCacheMiddleware`
marked `Cache-Control: public` (anonymous GET/HEAD 200 responses that set no
cookie and do not vary on one), so it never keeps the admin, a form POST, a
page behind a view restriction, a search result (`no-store`) or a response
with a cookie.

Keys. An entry is keyed on the content generation, the URL without its query,
the values of the query parameters the page read while rendering, and the
values of the request headers the response `Vary`s on. What a path reads and
varies on is learned from its last render and kept beside the entries (as
Django's own cache middleware does for `Vary`). So `?fbclid=...` or any other
parameter a page never reads shares the page's one entry instead of growing
the cache by a copy per URL; a page that reads the whole query string (a pager
that copies it into its links) is kept only for query strings it read
parameter by parameter.

Invalidation. Publishing, unpublishing, moving or deleting a page, or saving a
snippet, setting, image or document, bumps the generation, which orphans every
entry at once without wiping the rest of the cache (rate-limit counters live
there too). Orphans expire after `PAGE_CACHE_SECONDS`.

In production the cache is Redis (shared by every gunicorn worker); with the
embedded local-memory cache each process has its own copy and its own
generation, so only a single-process server sees every bump. Cache errors are
misses (`core.serving.resilient`). Whether a response came from the cache is
never sent in a header (it would tell anyone what others read); tests read
the `page_cache` attribute of the response object.
"""

import functools
import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.utils.cache import cc_delim_re
from wagtail import signals as wagtail_signals
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

from core.serving import resilient
from core.serving.paths import is_admin_path

GENERATION_KEY = "pagecache:generation"
STRUCTURE_GENERATION_KEY = "pagecache:structure-generation"
SETTINGS_MODELS = BaseSiteSetting | BaseGenericSetting
# Request headers a cached response may vary on besides the URL; a response
# that varies on anything else (Cookie, *) is not kept.
UNCACHEABLE_VARY = {"cookie", "*"}


def new_generation():
    # Time-based, so that a generation lost from the cache (evicted, or the
    # cache restarted) is never reused: entries of the old one stay orphans.
    return time.time_ns() // 1000


def _current(key):
    was_down = resilient.is_down()
    current = resilient.call("get_or_set", key, new_generation, timeout=None)
    if was_down and current is not None:
        # That call found the cache back and bumped the generations.
        current = resilient.call("get", key)
    return current


def _bump(key):
    if resilient.call("incr", key, default=None) is None:
        # No generation stored yet (nothing is cached either), or the cache
        # is down: a fresh time-based one is newer than any before it.
        resilient.call("set", key, new_generation(), timeout=None)


def generation():
    """The current content generation, or None when the cache is down."""
    return _current(GENERATION_KEY)


def structure_generation():
    """The generation of the site's structure (sites, settings, locales, view
    restrictions), or None when the cache is down. It moves on only when one
    of those is saved or deleted, or a page moves, not on every publish."""
    return _current(STRUCTURE_GENERATION_KEY)


def clear_page_cache(**kwargs):
    """Orphans every cached page: the next request for each renders it anew."""
    _bump(GENERATION_KEY)


@resilient.on_recovery
def clear_page_and_structure_cache(**kwargs):
    """Orphans every cached page and every remembered structural answer (a
    site, a setting, a page move: the signal that would have said so may
    have been missed while the cache was down)."""
    _bump(STRUCTURE_GENERATION_KEY)
    _bump(GENERATION_KEY)


class ReadRecordingQueryDict(QueryDict):
    """request.GET that notes which parameters the page asked for.

    Asking by name (`get`, `[]`, `in`, `getlist`) records the name; anything
    that reads the whole query string (iteration, `items`, `copy`,
    `urlencode`) sets `read_whole`.
    """

    def __init__(self, original):
        super().__init__(mutable=True)
        for key, values in original.lists():
            self.setlist(key, values)
        self._mutable = False
        self.read_names = set()
        self.read_whole = False

    def __getitem__(self, key):
        self.read_names.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read_names.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.read_names.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.read_names.add(key)
        return super().getlist(key, default)

    def _whole(self, method, *args):
        self.read_whole = True
        return getattr(super(), method)(*args)

    def __iter__(self):
        return self._whole("__iter__")

    def items(self):
        return self._whole("items")

    def lists(self):
        return self._whole("lists")

    def values(self):
        return self._whole("values")

    def keys(self):
        return self._whole("keys")

    def dict(self):
        return self._whole("dict")

    def copy(self):
        self.read_whole = True
        return QueryDict(super().urlencode(), mutable=True)

    def urlencode(self, safe=None):
        return self._whole("urlencode", safe)


def _digest(*parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _meta_key(gen, request):
    url = request.build_absolute_uri(request.path)
    return f"pagecache:{gen}:meta:{_digest(url)}"


def _entry_key(gen, request, meta):
    """The entry's key from what the page read (`meta`) and this request."""
    url = request.build_absolute_uri(request.path)
    params = tuple((name, tuple(request.GET.getlist(name))) for name in meta["params"])
    headers = tuple((name, request.headers.get(name, "")) for name in meta["vary"])
    return f"pagecache:{gen}:page:{_digest(url, params, headers)}"


def _learn(request, recording, response):
    """What this path's response depended on, or None if it is not to be kept."""
    vary = sorted(
        {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    )
    if UNCACHEABLE_VARY & set(vary):
        return None
    whole = recording.read_whole
    present = {name for name, _ in QueryDict.lists(recording)}
    read = recording.read_names
    if present - read:
        # A parameter the page did not ask for by name: either it was ignored
        # (then the entry for the parameters it did read will serve) or read
        # wholesale, and a copy per query string would grow without bound.
        return None
    return {"params": sorted(read), "vary": vary, "whole": whole}


def is_cacheable_request(request):
    """GET/HEAD outside the admin, from a reader who is not logged in."""
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    # Wagtail's previews run a dummy request for the page's URL: it must
    # render the draft, never the cached live page.
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False
    if is_admin_path(request.path_info):
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
    everything else, so that a hit costs three cache lookups and no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        gen = generation()
        if gen is None:  # the cache is down: render, keep nothing
            return self.get_response(request)
        meta = resilient.call("get", _meta_key(gen, request))
        if meta is not None and self._may_serve(request, meta):
            cached = resilient.call("get", _entry_key(gen, request, meta))
            if cached is not None:
                return self._replay(cached)

        recording = ReadRecordingQueryDict(request.GET)
        request.GET = recording
        response = self.get_response(request)
        if request.method == "GET" and is_cacheable_response(response):
            self._store(gen, request, recording, response)
        return response

    def _may_serve(self, request, meta):
        # A page that read the whole query string may show any parameter
        # (a pager copies them into its links): serve it only for a query
        # string made of the parameters it read by name.
        if not meta["whole"]:
            return True
        return set(request.GET.keys()) <= set(meta["params"])

    def _replay(self, cached):
        status, headers, content = cached
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response.page_cache = "hit"
        return response

    def _store(self, gen, request, recording, response):
        meta = _learn(request, recording, response)
        if meta is None:
            return
        seconds = settings.PAGE_CACHE_SECONDS
        resilient.call("set", _meta_key(gen, request), meta, seconds)
        entry = (response.status_code, list(response.items()), response.content)
        resilient.call("set", _entry_key(gen, request, meta), entry, seconds)
        response.page_cache = "miss"


@functools.cache
def watched_models():
    """Models whose saved or deleted rows show on public pages."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    # Locales and view restrictions: the menu, the language switcher and the
    # routing read them from the content cache (core.serving.content_cache).
    watched = {
        Site,
        Locale,
        PageViewRestriction,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
    }
    watched.update(
        model
        for model in apps.get_models()
        if issubclass(model, SETTINGS_MODELS | Page)
    )
    return frozenset(watched)


@functools.cache
def structure_models():
    """Watched models whose rows the structure generation keeps: they change
    rarely, and never by publishing a page."""
    from wagtail.models import Locale, PageViewRestriction, Site

    return frozenset(
        model
        for model in watched_models()
        if issubclass(model, SETTINGS_MODELS | Site | Locale | PageViewRestriction)
    )


def _clear_for(sender):
    if sender in structure_models():
        _bump(STRUCTURE_GENERATION_KEY)
    clear_page_cache()


def clear_on_save(sender, instance, created=False, **kwargs):
    # A page or a draft-capable snippet changes the site only when published
    # (the signals above); a plain snippet, setting or image when saved. A
    # settings row made with its defaults on first read changes nothing.
    if sender not in watched_models() or hasattr(instance, "live"):
        return
    if created and issubclass(sender, SETTINGS_MODELS):
        return
    _clear_for(sender)


def clear_on_delete(sender, **kwargs):
    if sender in watched_models():
        _clear_for(sender)


def clear_on_move(**kwargs):
    # A moved page changes the paths that the remembered view restrictions
    # (with their pages) and sites' home pages hold.
    _bump(STRUCTURE_GENERATION_KEY)
    clear_page_cache()


def connect_signals():
    """Empties the page cache whenever published content may have changed."""
    uid = "core.serving.page_cache.clear"
    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.page_slug_changed,
        wagtail_signals.published,
        wagtail_signals.unpublished,
    ):
        signal.connect(clear_page_cache, dispatch_uid=uid)
    wagtail_signals.post_page_move.connect(clear_on_move, dispatch_uid=uid)
    post_save.connect(clear_on_save, dispatch_uid=uid)
    post_delete.connect(clear_on_delete, dispatch_uid=uid)
