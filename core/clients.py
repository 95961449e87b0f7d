"""Who is asking: the client's address behind the site's own proxies.

Both the sign-up rate limit (newsletter.abuse) and the admin's login
throttling (accounts.throttle) need it, and both keep only a keyed hash of
it, in the cache or hashed in the database: never the address itself.
The settings keep their first user's names (NEWSLETTER_CLIENT_IP_HEADER,
NEWSLETTER_TRUSTED_PROXY_COUNT).
"""

from django.conf import settings


def client_address(request):
    """The client's address, as seen by the outermost trusted proxy.

    Each of NEWSLETTER_TRUSTED_PROXY_COUNT proxies appends the address it
    received the request from, so the client is that many entries from the
    right; anything further left came from the client and could be forged.
    A header with fewer entries did not pass through all our proxies, so it
    proves nothing: the address of the connection itself is used.
    """
    header = getattr(settings, "NEWSLETTER_CLIENT_IP_HEADER", "")
    proxies = int(getattr(settings, "NEWSLETTER_TRUSTED_PROXY_COUNT", 1))
    remote = request.META.get("REMOTE_ADDR", "")
    if not header or proxies < 1:
        return remote
    hops = [part.strip() for part in request.META.get(header, "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < proxies:
        return remote
    return hops[-proxies]
