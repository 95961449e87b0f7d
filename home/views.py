"""Site search: every public page in the reader's language, with promotions."""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from core.fulltext import SearchTooBroad, ranked_ids, snippets
from core.results import results_on_demand
from core.search import clean_query, search_terms
from core.serving.headers import never_store

RESULTS_PER_PAGE = 10
# A page number longer than this is nonsense; treat it as page 1.
MAX_PAGE_PARAM_LENGTH = 6


def search(request):
    """Search every live public page in the current language, ten to a page."""
    query = clean_query(request.GET.get("q", ""))
    page_param = request.GET.get("page", "1")
    if len(page_param) > MAX_PAGE_PARAM_LENGTH:
        page_param = "1"

    results_page = None
    promotions = []
    more_results = too_broad = False
    terms = search_terms(query)
    if query:
        locale = Locale.get_active()
        hits_ids = []
        if terms:
            pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
            try:
                hits = ranked_ids(pages, terms, language=locale.language_code)
                hits_ids, more_results = hits.ids, hits.more
            except SearchTooBroad:
                too_broad = True
        # Paginator.get_page turns "abc", "-1" and numbers past the end into
        # the first or last page instead of an error. It pages the ranked
        # ids: only the page shown is read.
        results_page = Paginator(hits_ids, RESULTS_PER_PAGE).get_page(page_param)
        results_page.object_list = results_with_snippets(
            results_page.object_list, terms
        )
        # Looked up, never recorded: what readers search for stays theirs.
        promotions = list(
            SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(terms or query)
            )
            .select_related("page")
            .order_by("sort_order")
        )
        promoted_ids = [p.page_id for p in promotions if p.page_id]
        shown_ids = set(
            Page.objects.live()
            .public()
            .filter(pk__in=promoted_ids, locale=locale)
            .values_list("pk", flat=True)
            if promoted_ids
            else []
        )
        # Only pages a reader may see in this language, or outside links.
        promotions = [
            p
            for p in promotions
            if p.page_id in shown_ids or (not p.page_id and p.external_link_url)
        ]

    # What the pager's links keep: the query as shown back.
    pager_params = QueryDict(mutable=True)
    pager_params["q"] = query
    elided = []
    if results_page is not None:
        elided = results_page.paginator.get_elided_page_range(results_page.number)
    response = TemplateResponse(
        request,
        "home/search_results.html",
        {
            "search_query": query,
            "results_page": results_page,
            "elided_page_range": elided,
            "pager_params": pager_params,
            "promotions": promotions,
            "more_results": more_results,
            "too_broad": too_broad,
        },
    )
    if query:
        # What a reader searched for is never kept in a shared cache: a fast
        # answer would tell anyone that somebody searched for those words.
        never_store(response)
    return response


def results_with_snippets(ids, terms):
    """The pages of `ids`, in that order, each with `snippet`: where the
    words were found (HTML, escaped, the words marked). Each page is read,
    all of them together, only if its result's HTML is not kept
    (core.results)."""
    return results_on_demand(
        Page.objects.all(), ids, snippets(Page, ids, terms), load_pages
    )


def load_pages(ids):
    return Page.objects.filter(pk__in=ids).specific()
