"""Cache access that survives the cache being down.

In production the cache is Redis. When it is unreachable or hangs, the site
must still serve pages (uncached) and must never answer 500 for it: every
call here turns a cache error into a miss or a skipped store, logged once per
outage per process. Short socket timeouts (settings) bound the wait.

A publish during an outage cannot bump the page generation, so a page kept
from before the outage could come back once Redis does. Each process that saw
the outage therefore bumps the generation the first time the cache answers
again (`on_recovery`, set by page_cache).
"""

import logging
import threading

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

_state = threading.local()
_outage = threading.Event()  # set while this process believes the cache is down
_recovery_hooks = []


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def on_recovery(hook):
    """Call `hook()` once the cache answers again after an outage."""
    _recovery_hooks.append(hook)
    return hook


def _failed(operation, error):
    if not _outage.is_set():
        _outage.set()
        logger.warning(
            "Cache unavailable (%s: %s): serving without it.",
            operation,
            type(error).__name__,
        )


def _succeeded():
    if _outage.is_set() and not getattr(_state, "recovering", False):
        _outage.clear()
        logger.warning("Cache reachable again.")
        _state.recovering = True
        try:
            for hook in _recovery_hooks:
                hook()
        finally:
            _state.recovering = False


def call(operation, *args, default=None, **kwargs):
    """cache().<operation>(*args, **kwargs), or `default` if the cache fails.

    `incr` of a missing key raises ValueError in every backend: that is an
    answer from a working cache, not an outage, and also gives `default`.
    """
    try:
        result = getattr(cache(), operation)(*args, **kwargs)
    except ValueError:
        _succeeded()
        return default
    except Exception as error:  # noqa: BLE001 - any cache failure is a miss
        _failed(operation, error)
        return default
    _succeeded()
    return result


def is_down():
    """Whether this process saw the cache fail and has not reached it since."""
    return _outage.is_set()
