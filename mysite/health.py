"""Health check for load balancers and the container's HEALTHCHECK.

`GET /healthz` answers 200 when the database and the cache both answer,
503 naming the part that does not, and never 500. It is exempt from the
https redirect (SECURE_REDIRECT_EXEMPT), so a probe over plain HTTP from
inside the container reaches it.

`python -m mysite.health` is the HEALTHCHECK command: it asks the server on
127.0.0.1:$PORT, as one of the site's own host names, and exits 0 when the
server can serve readers: on 200, and on a 503 that names only the cache as
down (pages then render uncached; restarting the container would not bring
Redis back, and an orchestrator that replaces "unhealthy" containers would
take the whole site down with it).
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)
PROBE_KEY = "healthz:probe"


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure means "down", never a 500
        logger.warning("healthz: the database does not answer", exc_info=True)
        return False
    return True


def cache_answers():
    # A round trip, not a ping: with IGNORE_EXCEPTIONS a Redis that is down
    # reads as a miss, so only reading back what was written tells.
    token = secrets.token_hex(8)
    try:
        cache.set(PROBE_KEY, token, timeout=30)
        answered = cache.get(PROBE_KEY) == token
    except Exception:  # any failure means "down", never a 500
        logger.warning("healthz: the cache does not answer", exc_info=True)
        return False
    if not answered:
        logger.warning("healthz: the cache does not answer")
    return answered


@never_cache
def healthz(request):
    """200 when the database and the cache answer, 503 naming what does not."""
    parts = {"database": database_answers(), "cache": cache_answers()}
    healthy = all(parts.values())
    body = {"status": "ok" if healthy else "unavailable", **parts}
    return JsonResponse(body, status=200 if healthy else 503)


def probe(port, host, timeout=4):
    """The HEALTHCHECK: True when the server on 127.0.0.1:port can serve."""
    import http.client
    import json

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/healthz", headers={"Host": host})
        response = connection.getresponse()
        if response.status == 200:
            return True
        if response.status != 503:
            return False
        return json.loads(response.read()).get("database") is True
    except (OSError, ValueError):
        return False
    finally:
        connection.close()


def main():
    import os
    import sys

    # The first allowed host, so that Django's host check lets the probe in
    # ("." opens a wildcard entry: ".example.org" -> "example.org").
    hosts = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")]
    host = next((h.lstrip(".") for h in hosts if h and h != "*"), "localhost")
    sys.exit(0 if probe(int(os.environ.get("PORT", "8000")), host) else 1)


if __name__ == "__main__":
    main()
