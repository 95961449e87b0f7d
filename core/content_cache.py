"""Answers that change only when content does: the menu, breadcrumbs, the
translations of a page, the footer links.

Every page asks them, each costs a query or two, and their answer changes only
when something is published, moved, deleted or a setting is saved: exactly
when the page cache's generation moves on (core.page_cache). So they are kept
in the cache under that generation and are recomputed after the next change.
"""

from django.conf import settings

from core import page_cache
from core.request_memo import remember


def remember_until_content_changes(key, compute):
    """compute(), kept in the cache until published content next changes."""
    generation = remember("page_cache_generation", page_cache.generation)
    cache_key = "content:{}:{}".format(generation, ":".join(map(str, key)))
    cache = page_cache.page_cache()
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, settings.PAGE_CACHE_SECONDS)
    return value
