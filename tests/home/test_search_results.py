"""Site search results read their pages only when their HTML is not kept
(core/results.py), and a page's new title shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_standard_page

pytestmark = pytest.mark.django_db

SEARCH = "/search/?q=zebu"


def page_reads(queries):
    """Queries that read pages whole (their title among the columns), not
    the narrow one that asks for ids and languages, nor the promotions'."""
    return [
        q["sql"]
        for q in queries
        if 'FROM "wagtailcore_page"' in q["sql"]
        and '"wagtailcore_page"."title"' in q["sql"]
    ]


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), queries


@pytest.fixture
def found(home_page):
    return [
        make_standard_page(
            home_page,
            title=f"Zebu notes {number}",
            slug=f"zebu-{number}",
            body=[("text", f"<p>The zebu herds of Geneva, part {number}.</p>")],
        )
        for number in range(3)
    ]


def test_kept_results_read_no_page_and_show_the_same(client, found):
    first, cold = get(client, SEARCH)
    kept, warm = get(client, SEARCH)
    assert kept == first
    for page in found:
        assert page.title in kept and f'href="{page.url}"' in kept
    assert kept.count("<mark>zebu</mark>") >= len(found)
    assert len(page_reads(cold)) >= 1
    assert page_reads(warm) == []


def test_a_published_title_shows_at_once(client, found):
    client.get(SEARCH)
    page = found[0]
    page.title = "Zebu notes, revised"
    page.save_revision().publish()
    html, _queries = get(client, SEARCH)
    assert "Zebu notes, revised" in html
