"""Abuse controls for the public sign-up: the client address, the rate limit,
how often one form token may be used, and the cross-site check.

Nothing here stores a client address: counters are keyed on a salted HMAC
of it, held only in the cache (Redis in production) and expiring with their
window. When the cache is unreachable the counters fall back to this
process's memory: the limits hold per process, and no sign-up or unsubscribe
fails because of the cache.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache

from core.clients import client_address  # noqa: F401 - used here and by tests
from newsletter.addresses import client_key
from newsletter.forms import max_form_age

logger = logging.getLogger(__name__)


class LocalCounters:
    """Per-process counters with expiry, used only while the cache is down."""

    MAX_KEYS = 10_000

    def __init__(self):
        self._lock = threading.Lock()
        self._counts = {}

    def clear(self):
        with self._lock:
            self._counts.clear()

    def _live(self, key, now):
        count, expires = self._counts.get(key, (0, 0))
        return count if expires > now else 0

    def get(self, key):
        with self._lock:
            return self._live(key, time.monotonic())

    def incr(self, key, timeout):
        now = time.monotonic()
        with self._lock:
            if len(self._counts) >= self.MAX_KEYS:
                self._counts = {k: v for k, v in self._counts.items() if v[1] > now}
            count, expires = self._counts.get(key, (0, 0))
            if expires <= now:
                count, expires = 0, now + timeout
            self._counts[key] = (count + 1, expires)
            return count + 1


LOCAL_COUNTERS = LocalCounters()


def _warn_cache_down(error):
    logger.warning("newsletter: cache unavailable (%s)", type(error).__name__)


def _increment(key, timeout):
    """Add one to a counter and return it, in the cache or, if that fails,
    in this process."""
    try:
        cache.add(key, 0, timeout=timeout)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=timeout)
            count = 1
        if count is not None:  # django-redis with IGNORE_EXCEPTIONS
            return int(count)
    except Exception as error:  # any cache failure: degrade, never fail
        _warn_cache_down(error)
    return LOCAL_COUNTERS.incr(key, timeout)


def _read(key):
    try:
        value = cache.get(key)
    except Exception as error:
        _warn_cache_down(error)
        value = None
    return max(int(value or 0), LOCAL_COUNTERS.get(key))


def rate_limit_window():
    return getattr(settings, "NEWSLETTER_RATE_LIMIT", (10, 600))[1]


def rate_limited(request, bucket):
    """True once a client has posted more than the limit in the last window.

    A sliding window: the previous fixed window's count is weighted by how
    much of it still overlaps the last `window` seconds, so a burst just
    before and just after a boundary counts as one burst.
    """
    limit, window = getattr(settings, "NEWSLETTER_RATE_LIMIT", (10, 600))
    now = time.time()
    slot = int(now // window)
    client = client_address(request)

    def key(for_slot):
        return "newsletter:rl:" + client_key(
            "ratelimit", f"{bucket}|{for_slot}|{client}"
        )

    current = _increment(key(slot), timeout=2 * window)
    previous = _read(key(slot - 1))
    overlap = 1 - (now - slot * window) / window
    return current + previous * overlap > limit


def token_overused(raw_token):
    """True once one form token has been used more than a few times.

    A page cached by a CDN hands the same token to everyone who opens it, so
    several uses are normal; beyond NEWSLETTER_FORM_TOKEN_USES the sender is
    asked to press again with a fresh token (never silently dropped).
    """
    uses = getattr(settings, "NEWSLETTER_FORM_TOKEN_USES", 10)
    key = "newsletter:tok:" + client_key("token", raw_token)
    return _increment(key, timeout=max_form_age()) > uses


def is_cross_site(request):
    """True if the browser says this POST comes from another site.

    The sign-up form is on cached, cookie-free pages, so it cannot carry
    Django's CSRF token (that needs a cookie). Browsers label every request
    with `Sec-Fetch-Site` and send `Origin` on POSTs: refusing anything not
    from our own origin stops forged cross-site posts from real browsers.
    A client that sends neither header is not a browser another site could
    drive, and the worst a forged sign-up can do is send one confirmation
    email, which the rate limits bound.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("Origin")
    if origin:
        own = f"{request.scheme}://{request.get_host()}"
        trusted = set(getattr(settings, "CSRF_TRUSTED_ORIGINS", []))
        if origin != own and origin not in trusted:
            return True
    return False
