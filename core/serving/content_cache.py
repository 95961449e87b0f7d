"""Answers that change only when content does: the menu, breadcrumbs, the
translations of a page, the footer links, the library's filter choices.

Every page asks them, each costs a query or two, and their answer changes only
when something is published, moved, deleted or a setting is saved: exactly
when the page cache's generation moves on (core.serving.page_cache). So they
are kept in the cache under that generation and are recomputed after the next
change. With the cache down they are computed every time.
"""

from django.conf import settings

from core.serving import page_cache, resilient
from core.serving.request_memo import remember


def remember_until_content_changes(key, compute):
    """compute(), kept in the cache until published content next changes."""
    generation = remember("page_cache_generation", page_cache.generation)
    if generation is None:
        return compute()
    cache_key = "content:{}:{}".format(generation, ":".join(map(str, key)))
    value = resilient.call("get", cache_key)
    if value is None:
        value = compute()
        resilient.call("set", cache_key, value, settings.PAGE_CACHE_SECONDS)
    return value
