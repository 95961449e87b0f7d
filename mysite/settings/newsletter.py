"""Settings of the newsletter sign-up's abuse controls (read by base.py)."""

import os

# Newsletter sign-ups: per-client rate limit (posts, sliding window in
# seconds), held in the cache under a keyed hash of the client address (never
# stored).
NEWSLETTER_RATE_LIMIT = (10, 10 * 60)
# The request header holding the client address when behind a proxy or CDN
# (e.g. "HTTP_X_FORWARDED_FOR"); empty means REMOTE_ADDR.
NEWSLETTER_CLIENT_IP_HEADER = os.environ.get("NEWSLETTER_CLIENT_IP_HEADER", "")
# How many proxies in front of the app append to that header (the reference
# Caddy front is one): the client is that many entries from the right, and a
# header with fewer entries is ignored for REMOTE_ADDR. 0 ignores the header.
NEWSLETTER_TRUSTED_PROXY_COUNT = int(
    os.environ.get("NEWSLETTER_TRUSTED_PROXY_COUNT", "1")
)
# How many sign-ups one form token (one rendering of a cached page) may carry
# before the sender is asked to press again with a fresh token.
NEWSLETTER_FORM_TOKEN_USES = 10
