"""Search results that read their pages only when their HTML is not kept.

A result's title, link and summary are kept until content changes
(`{% kept_until_content_changes %}`, in the library's card and the site
search's result), all but where the search found its words. So a page of
results needs, for each one, only its id, the language it is written in and
its snippet. Reading the pages themselves, with their covers and
renditions, for HTML that was already kept made a library page of twelve
results take 12.6-16.4 ms instead of 6.7-7.8 (at 10,000 papers, in
process). A Result knows those three at once (one narrow query for the page
of results) and reads the pages, all of the page of results together, the
first time its template asks for anything else: when its HTML is not kept,
in a preview, or in a feed.
"""


class PagesOnDemand:
    """The pages of one page of results, read together on first need by
    `load(ids)`, which returns them (in any order)."""

    def __init__(self, ids, load):
        self.ids = ids
        self.load = load
        self._by_id = None

    def get(self, pk):
        if self._by_id is None:
            self._by_id = {page.pk: page for page in self.load(self.ids)}
        return self._by_id[pk]


class Result:
    """One search result as its template shows it (see the module)."""

    def __init__(self, row, model, pages):
        self.pk, self.locale_id, self.alias_of_id, self.written_language_code = row
        self.snippet = ""
        self._model = model
        self._pages = pages

    def __getattr__(self, name):
        # Called only for what __init__ did not set: the page's own.
        return getattr(self._pages.get(self.pk), name)

    # isinstance(result, Page) holds, as for Django's lazy objects: template
    # tags such as {% pageurl %} check it (Python's isinstance reads
    # __class__ when the type itself does not match).
    __class__ = property(lambda self: self._model)


def results_on_demand(queryset, ids, found, load):
    """Results for the pages of `queryset` with `ids` (best first), each with
    its snippet from `found` ({id: HTML}), in one narrow query; `load(ids)`
    reads the pages if a template needs more."""
    rows = queryset.filter(pk__in=ids).values_list(
        "pk",
        "locale_id",
        "alias_of_id",
        "locale__language_code",
        "alias_of__locale__language_code",
    )
    pages = PagesOnDemand(ids, load)
    by_id = {}
    for pk, locale_id, alias_of_id, language, original_language in rows:
        # What core.i18n.language_of_part asks of a page, known without it.
        row = (pk, locale_id, alias_of_id, original_language or language)
        by_id[pk] = Result(row, queryset.model, pages)
        by_id[pk].snippet = found.get(pk, "")
    return [by_id[pk] for pk in ids if pk in by_id]
