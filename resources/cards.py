"""Search results on the library page as cards that read their page only
when they must.

A card's HTML is kept until content changes (resources/includes/
resource_card.html), all but where the search found its words. So a search
results page needs, for each card, only its id, the language it is written
in and its snippet. Reading the pages themselves with their covers and
renditions, for HTML that was already kept, made a page of twelve results
take 12.6-16.4 ms instead of 6.7-7.8 (at 10,000 papers, in process). A
SearchCard knows the first three at once (one narrow query for the page of
results) and reads the pages, all of the page of results together, the
first time the card's template asks for anything else: when a card is not
kept, in a preview, or in the feed.
"""

from resources.documents import COVER_RELATIONS, attach_renditions
from resources.models import ResourcePage


class CardPages:
    """The pages of one page of search results, read together on first need."""

    def __init__(self, ids):
        self.ids = ids
        self._by_id = None

    def get(self, pk):
        if self._by_id is None:
            pages = ResourcePage.objects.filter(pk__in=self.ids).select_related(
                "locale", *COVER_RELATIONS
            )
            self._by_id = {page.pk: page for page in attach_renditions(list(pages))}
        return self._by_id[pk]


class SearchCard:
    """One search result as resource_card.html shows it (see the module)."""

    def __init__(self, pk, locale_id, alias_of_id, written_language_code, pages):
        self.pk = pk
        # What core.i18n.language_of_part asks of a page, known without it.
        self.locale_id = locale_id
        self.alias_of_id = alias_of_id
        self.written_language_code = written_language_code
        self.snippet = ""
        self._pages = pages

    def __getattr__(self, name):
        # Called only for what __init__ did not set: the page's own.
        return getattr(self._pages.get(self.pk), name)

    # isinstance(card, Page) holds, as for Django's lazy objects: template
    # tags such as {% pageurl %} check it (Python's isinstance reads
    # __class__ when the type itself does not match).
    __class__ = property(lambda self: ResourcePage)


def search_cards(ids, found):
    """Cards for the resources of `ids` (search results, best first), each
    with its snippet from `found` ({id: HTML}), in one narrow query."""
    rows = ResourcePage.objects.filter(pk__in=ids).values_list(
        "pk",
        "locale_id",
        "alias_of_id",
        "locale__language_code",
        "alias_of__locale__language_code",
    )
    pages = CardPages(ids)
    by_id = {}
    for pk, locale_id, alias_of_id, language, original_language in rows:
        card = SearchCard(
            pk, locale_id, alias_of_id, original_language or language, pages
        )
        card.snippet = found.get(pk, "")
        by_id[pk] = card
    return [by_id[pk] for pk in ids if pk in by_id]
