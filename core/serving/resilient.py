"""A cache that may be down: the site degrades, it never fails.

In production the cache is Redis, and Wagtail (site root paths), the page
cache, the content cache and the sign-up rate limit all use it. When Redis is
unreachable or hangs, every public page must still render (uncached), and no
sign-up may be lost; so:

- `ResilientRedisCache` (the production cache backend) turns every Redis error
  into a miss (django-redis's IGNORE_EXCEPTIONS), with short socket timeouts
  (settings), and after a failure stops asking Redis for
  `CACHE_RETRY_SECONDS`: a hanging Redis costs one timeout per process and
  interval, not one per cache call. Then one call tries again; when it
  answers, everything resumes, with no restart.
- `call()` does the same for any cache backend, for the serving layer's own
  calls.

A publish during an outage cannot bump the page generation, so a page kept
from before the outage could come back with Redis. The first call that
reaches the cache again after an outage therefore runs the recovery hooks
(`on_recovery`; page_cache registers the generation bump), once per process
that saw the outage.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_state = {"down": False, "failed_at": 0.0}
_recovering = threading.local()
_recovery_hooks = []


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def on_recovery(hook):
    """Call `hook()` once the cache answers again after an outage."""
    _recovery_hooks.append(hook)
    return hook


def is_down():
    """Whether this process saw the cache fail and has not reached it since."""
    return _state["down"]


def _retry_seconds():
    return getattr(settings, "CACHE_RETRY_SECONDS", 5)


def _failed(operation, error):
    with _lock:
        first = not _state["down"]
        _state["down"] = True
        _state["failed_at"] = time.monotonic()
    if first:
        logger.warning(
            "Cache unavailable (%s: %s): serving without it.",
            operation,
            type(error).__name__,
        )


def _succeeded():
    if not _state["down"] or getattr(_recovering, "active", False):
        return
    with _lock:
        if not _state["down"]:
            return
        _state["down"] = False
    logger.warning("Cache reachable again.")
    _recovering.active = True
    try:
        for hook in _recovery_hooks:
            hook()
    finally:
        _recovering.active = False


def call(operation, *args, default=None, **kwargs):
    """cache().<operation>(*args, **kwargs), or `default` if the cache fails.

    `incr` of a missing key raises ValueError in every backend: that is an
    answer from a working cache, not an outage, and also gives `default`.
    """
    backend = cache()
    try:
        result = getattr(backend, operation)(*args, **kwargs)
    except ValueError:
        result = default
    except Exception as error:  # noqa: BLE001 - any cache failure is a miss
        _failed(operation, error)
        return default
    if result is None:
        result = default
    if not isinstance(backend, ResilientRedisCache):
        _succeeded()  # ResilientRedisCache keeps the state itself
    return result


# Client methods that never talk to Redis: not a sign that it is back.
_LOCAL_METHODS = frozenset(
    {
        "make_key",
        "make_pattern",
        "encode",
        "decode",
        "get_next_client_index",
        "close",
        "do_close_clients",
        "disconnect",
    }  # fmt: skip
)


class _GuardedClient:
    """django-redis's client, asked only while Redis is believed up."""

    def __init__(self, client):
        self._client = client

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute) or name in _LOCAL_METHODS:
            return attribute

        def guarded(*args, **kwargs):
            pause = _state["failed_at"] + _retry_seconds() - time.monotonic()
            if _state["down"] and pause > 0:
                raise ConnectionInterrupted(connection=None)
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                _failed(name, error.__cause__ or error)
                raise
            _succeeded()
            return result

        return guarded


class ResilientRedisCache(RedisCache):
    """django-redis whose errors are misses, with a pause after a failure."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**params.get("OPTIONS", {})}}
        params["OPTIONS"]["IGNORE_EXCEPTIONS"] = True
        super().__init__(server, params)

    @property
    def client(self):
        return _GuardedClient(super().client)
