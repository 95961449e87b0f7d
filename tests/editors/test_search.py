"""Site search: public pages in the reader's language, promotions, and bad
queries answered with a page, never an error."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction

from home.models import StandardPage
from tests.factories import make_standard_page

pytestmark = pytest.mark.django_db


def titles(response):
    if response.context["results_page"] is None:
        return []
    return [page.title for page in response.context["results_page"]]


@pytest.fixture
def pages(home_page):
    return {
        "reprisals": make_standard_page(
            home_page,
            title="Reprisals explained",
            slug="reprisals",
            summary="Intimidation.",
        ),
        "geneva": make_standard_page(
            home_page, title="Visiting Geneva", slug="geneva", summary="Practical tips."
        ),
    }


def test_finds_live_public_pages(client, pages, home_page):
    draft = StandardPage(title="Reprisals explained (draft)", slug="draft", summary="")
    home_page.add_child(instance=draft)
    draft.unpublish()
    private = make_standard_page(
        home_page, title="Reprisals explained (private)", slug="private"
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="x"
    )
    response = client.get("/search/", {"q": "explained"})
    assert response.status_code == 200
    assert titles(response) == ["Reprisals explained"]
    assert "Intimidation." in response.content.decode()


def test_searches_in_the_readers_language(client, pages, home_page):
    french = Locale.objects.get(language_code="fr")
    french_home = home_page.copy_for_translation(french)
    french_home.save_revision().publish()
    french_page = pages["reprisals"].copy_for_translation(french)
    french_page.title = "Les représailles expliquées"
    french_page.save_revision().publish()
    response = client.get("/fr/search/", {"q": "représailles"})
    assert response.status_code == 200
    assert titles(response) == ["Les représailles expliquées"]
    assert '<html lang="fr"' in response.content.decode()
    # English readers do not get the French page.
    assert titles(client.get("/search/", {"q": "représailles"})) == []


def test_empty_query_shows_only_the_form(client, home_page):
    response = client.get("/search/")
    assert response.status_code == 200
    assert response.context["results_page"] is None
    assert 'name="q"' in response.content.decode()


def test_promotions_come_first_and_are_not_recorded(client, pages):
    query = Query.get("geneva")
    SearchPromotion.objects.create(
        query=query, page=pages["reprisals"], description="Start here.", sort_order=0
    )
    response = client.get("/search/", {"q": "Geneva"})
    html = response.content.decode()
    assert "Start here." in html
    assert html.index("Reprisals explained") < html.index("Visiting Geneva")
    # Searching leaves no trace of what was searched.
    assert not query.daily_hits.exists()
    client.get("/search/", {"q": "something else entirely"})
    assert not Query.objects.filter(query_string="something else entirely").exists()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "geneva", "page": "abc"},
        {"q": "geneva", "page": "-1"},
        {"q": "geneva", "page": "0"},
        {"q": "geneva", "page": "99999999999999999999999999"},
        {"q": "geneva", "page": "9" * 5000},
        {"q": "geneva", "page": "1.5"},
        {"q": "x" * 10_000},
        {"q": "geneva " * 2000},
        {"q": "\x00geneva\x00"},
        {"q": "'\"&|!():*<>\\"},
        {"q": '"unbalanced'},
        {"q": "AND OR NOT"},
        {"q": "*"},
        {"q": "-"},
        {"q": "%%%_"},
        {"q": "🙂 \u202e geneva"},
        {"q": ["geneva", "again"]},
    ],
)
def test_bad_queries_never_fail(client, pages, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200


def test_pagination(client, home_page):
    for number in range(23):
        make_standard_page(
            home_page, title=f"Report {number}", slug=f"report-{number}", summary=""
        )
    first = client.get("/search/", {"q": "report"})
    assert first.context["results_page"].paginator.count == 23
    assert len(titles(first)) == 10
    last = client.get("/search/", {"q": "report", "page": "3"})
    assert len(titles(last)) == 3
    beyond = client.get("/search/", {"q": "report", "page": "40"})
    assert titles(beyond) == titles(last)
    assert 'rel="next"' in first.content.decode()


def test_queries_do_not_grow_with_results(client, home_page):
    make_standard_page(home_page, title="Report 0", slug="report-0")
    with CaptureQueriesContext(connection) as few:
        client.get("/search/", {"q": "report"})
    for number in range(1, 12):
        make_standard_page(home_page, title=f"Report {number}", slug=f"report-{number}")
    with CaptureQueriesContext(connection) as many:
        client.get("/search/", {"q": "report"})
    assert len(many) <= len(few)
