"""A page's ancestors, read once until content changes.

The breadcrumbs (and their JSON-LD) show the live ones from the home page
down; serving a page checks the view restrictions of all of them
(core.patches). One list, kept in the content cache, answers both.
"""

from core.serving.content_cache import remember_until_content_changes


def ancestors(page):
    """The ancestors of `page`, the tree's root first, each in its own class
    (with only the base page's fields loaded)."""
    if not page.pk:
        return []
    return remember_until_content_changes(
        ("ancestors", page.pk),
        lambda: list(page.get_ancestors().specific(defer=True)),
    )
