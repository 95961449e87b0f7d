"""The library's filters and search, shared by the index page and its feed."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Locale

from core.fulltext import SearchTooBroad, ranked_ids, snippets
from core.search import MAX_QUERY_LENGTH, search_terms
from core.serving.content_cache import remember_until_content_changes
from resources.cards import search_cards
from resources.documents import COVER_RELATIONS, attach_renditions
from resources.models import Place, ResourcePage, ResourcePageTag, ResourceType

FILTER_NAMES = ("q", "type", "topic", "place", "year")


class FromNearerEnd:
    """A queryset that the paginator slices from whichever end is nearer.

    OFFSET makes the database walk every row before the page: the last page
    of 10,000 papers read 10,000 rows. Past the middle, the same rows come
    from the reversed order (the same index, read backwards) and are turned
    round, so no page reads more than half the archive.
    """

    ordered = True  # the paginator warns about unordered lists

    def __init__(self, queryset):
        self.queryset = queryset
        self._count = None

    def count(self):
        if self._count is None:
            self._count = self.queryset.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self.queryset[window]
        total = self.count()
        start, stop = window.start or 0, min(window.stop or total, total)
        if start <= total - stop:
            return list(self.queryset[start:stop])
        rows = list(self.queryset.reverse()[total - stop : total - start])
        rows.reverse()
        return rows


class ResourceFilterForm(forms.Form):
    """The library's filters: plain GET fields, checked against known values."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Words in the title, summary, text or PDF."),
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    place = forms.ChoiceField(label=_("Country or region"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int)

    def clean_q(self):
        return search_terms(self.cleaned_data["q"])

    def __init__(self, data, *, topics, places, years):
        super().__init__(data)
        self.fields["type"].choices = [("", _("All types")), *ResourceType.choices]
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (tag.slug, tag.name) for tag in topics
        ]
        self.fields["place"].choices = [("", _("All countries and regions"))] + [
            (place.slug, place.name) for place in places
        ]
        self.fields["year"].choices = [("", _("All years"))] + [
            (str(year), str(year)) for year in years
        ]


class Library:
    """The live resources under one index page, narrowed by the reader's filters.

    A fixed number of queries whatever the number of resources: the choices
    (3, kept until content changes), the count, and one page of results with
    what the cards show.
    """

    def __init__(self, index, params):
        self.index = index
        self.base = ResourcePage.objects.live().public().descendant_of(index)
        # The choices change only when something is published or a place is
        # edited, so they are kept until then (core.serving.content_cache).
        topics, places, years = remember_until_content_changes(
            ("library-choices", index.pk), self._choices
        )
        self.form = ResourceFilterForm(
            params, topics=topics, places=places, years=years
        )
        # Invalid fields drop out of cleaned_data: an unknown value is ignored.
        self.form.is_valid()
        self.filters = {
            name: self.form.cleaned_data[name]
            for name in FILTER_NAMES
            if self.form.cleaned_data.get(name) not in (None, "")
        }
        self.more_results = self.too_broad = False
        self.results = self._results()

    def _choices(self):
        years = self.base.dates("publication_date", "year", order="DESC")
        return (
            list(self._topics()),
            self._places(),
            [day.year for day in years],
        )

    def _topics(self):
        tag_ids = ResourcePageTag.objects.filter(
            content_object__in=self.base.values("pk")
        ).values("tag_id")
        return Tag.objects.filter(pk__in=tag_ids).order_by("name")

    def _places(self):
        places = list(Place.objects.filter(locale_id=self.index.locale_id))
        if not places:
            # Places not yet translated: offer the default language's names.
            places = list(Place.objects.filter(locale=Locale.get_default()))
        return places

    def _results(self):
        queryset = self.base
        if "type" in self.filters:
            queryset = queryset.filter(resource_type=self.filters["type"])
        if "topic" in self.filters:
            queryset = queryset.filter(
                pk__in=ResourcePageTag.objects.filter(
                    tag__slug=self.filters["topic"]
                ).values("content_object_id")
            )
        if "place" in self.filters:
            queryset = queryset.filter(
                pk__in=ResourcePage.places.through.objects.filter(
                    place__slug=self.filters["place"]
                ).values("resourcepage_id")
            )
        if "year" in self.filters:
            queryset = queryset.filter(publication_date__year=self.filters["year"])
        queryset = queryset.order_by("-publication_date", "-pk").select_related(
            *COVER_RELATIONS
        )
        if "q" in self.filters:
            # Best matches first, in one bounded query (core.fulltext); the
            # filters narrow the matches inside that query.
            try:
                hits = ranked_ids(
                    queryset,
                    self.filters["q"],
                    language=get_language(),
                )
            except SearchTooBroad:
                self.too_broad = True
                return []
            self.more_results = hits.more
            return hits.ids
        return queryset

    @property
    def is_filtered(self):
        return bool(self.filters)

    @property
    def params(self):
        """The current filters as a QueryDict, for links that keep them."""
        params = QueryDict(mutable=True)
        params.update(self.filters)
        return params

    def query_string(self):
        """The current filters as a query string (no "?"), for the feed links."""
        return self.params.urlencode()

    def get_page(self, number):
        """One page of results; "last" gives the last, a malformed or
        out-of-range number the first."""
        results = self.results
        if isinstance(results, QuerySet):
            results = FromNearerEnd(results)
        paginator = Paginator(results, self.index.per_page)
        if number == "last":
            number = paginator.num_pages
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        if not 1 <= number <= paginator.num_pages:
            number = 1
        page = paginator.page(number)
        if isinstance(results, list):  # the ids of search results
            found = snippets(ResourcePage, page.object_list, self.filters["q"])
            page.object_list = search_cards(page.object_list, found)
        else:
            page.object_list = attach_renditions(list(page.object_list))
        # A bounded pager: first, last and a window around this page.
        page.elided_range = list(paginator.get_elided_page_range(number))
        return page

    def latest(self, count):
        """The newest `count` resources (for a search, the best), for the
        feed: with their PDFs; no renditions, as a feed shows no cover."""
        results = self.results[:count]
        if isinstance(results, list):  # the ids of search results
            by_id = ResourcePage.objects.select_related("locale", "document").in_bulk(
                results
            )
            return [by_id[pk] for pk in results if pk in by_id]
        return list(results)
