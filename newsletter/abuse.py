"""Abuse controls for the public sign-up: the client address, the rate limit
and the cross-site check.

Nothing here stores a client address: the rate limit keeps a keyed hash of it
in the cache only, for a few minutes.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The client's address, from the trusted proxy's header when behind one."""
    header = getattr(settings, "NEWSLETTER_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        # The rightmost entries were added by our own proxies; anything to
        # their left came from the client and could be forged.
        hops = [part.strip() for part in request.META[header].split(",")]
        proxies = max(1, getattr(settings, "NEWSLETTER_TRUSTED_PROXY_COUNT", 1))
        return hops[-proxies] if len(hops) >= proxies else hops[0]
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, bucket):
    """True once a client has posted more than the limit in the window.

    The counter's key is an HMAC of the client address and the current time
    window, held ONLY in the cache (Redis in production) and expiring with the
    window: the address itself is never stored, in the database, the cache or
    the logs, and a key cannot be linked to the next window's.
    """
    limit, window = getattr(settings, "NEWSLETTER_RATE_LIMIT", (10, 600))
    slot = int(time.time() // window)
    secret = ("newsletter.ratelimit:" + settings.SECRET_KEY).encode()
    digest = hmac.new(
        secret, f"{bucket}|{slot}|{client_address(request)}".encode(), hashlib.sha256
    ).hexdigest()[:40]
    key = f"newsletter:rl:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


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
