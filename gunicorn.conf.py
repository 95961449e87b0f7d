"""gunicorn settings of the production image, docker-compose.yml and `make prod-check`.

Slow clients cannot exhaust the workers: the front (deploy/Caddyfile)
buffers request and response bodies, so gunicorn only ever talks to Caddy
over a fast local link, and each worker runs several threads (gthread) so
one slow request does not hold the whole process. Readers' addresses are
never written down: no access log, and the error log leaves out the client.
"""

import logging
import os
import re

# All interfaces inside the container: only the front can reach it there.
bind_host = os.environ.get("GUNICORN_BIND_HOST", "0.0.0.0")  # noqa: S104
bind = f"{bind_host}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A request that takes longer than this is a bug (heavy work runs in the
# task worker); the worker is replaced instead of holding the thread forever.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Caddy keeps connections to the app open; gunicorn's must outlast them.
keepalive = 75
# Recycle workers now and then, so a slow leak never takes the site down.
max_requests = 2000
max_requests_jitter = 200

accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
capture_output = False
# Only the front connects; its X-Forwarded-* headers are read by Django
# (SECURE_PROXY_SSL_HEADER, the sign-up rate limit), not by gunicorn.
forwarded_allow_ips = "127.0.0.1,::1"

# gunicorn names the peer in one warning ("Invalid request from ip=...");
# behind the front that is the front, but no address is kept either way.
PEER_ADDRESS = re.compile(r"ip=\S+")


class NoPeerAddress(logging.Filter):
    def filter(self, record):
        record.msg = PEER_ADDRESS.sub("ip=[not logged]", record.getMessage())
        record.args = ()
        return True


def post_fork(server, worker):
    logging.getLogger("gunicorn.error").addFilter(NoPeerAddress())
