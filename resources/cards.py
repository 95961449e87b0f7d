"""Library search results as cards that read their pages only for cards
whose HTML is not kept (core.results)."""

from core.results import results_on_demand
from resources.documents import COVER_RELATIONS, attach_renditions
from resources.models import ResourcePage


def load_cards(ids):
    """The pages of cards whose HTML is not kept, with covers and renditions."""
    pages = ResourcePage.objects.filter(pk__in=ids).select_related(
        "locale", *COVER_RELATIONS
    )
    return attach_renditions(list(pages))


def search_cards(ids, found):
    """Cards for the resources of `ids` (search results, best first), each
    with its snippet from `found` ({id: HTML})."""
    return results_on_demand(ResourcePage.objects.all(), ids, found, load_cards)
