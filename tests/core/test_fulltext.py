"""Ranked search (core.fulltext): best matches first, every word required,
the words marked where they were found, and a bound no search can outrun."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings

from core import fulltext
from core.fulltext import SearchTooBroad, bounded
from tests.factories import make_standard_page
from tests.resources.conftest import make_library, make_resource

pytestmark = pytest.mark.django_db

TOO_BROAD = "This search is too broad to answer quickly."
# A query that runs for seconds on either database: counting to ten million.
SLOW_SQL = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
    "WHERE x < 10000000) SELECT count(*) FROM c"
)


@pytest.fixture
def library(home_page):
    return make_library(home_page)


def result_titles(response):
    return [page.title for page in response.context["results_page"]]


@override_settings(SEARCH_TIMEOUT_MS=50)
def test_a_query_longer_than_the_bound_is_stopped():
    with pytest.raises(SearchTooBroad):
        with bounded():
            with connection.cursor() as cursor:
                cursor.execute(SLOW_SQL)
    # The connection is usable afterwards, without the bound.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


@pytest.mark.parametrize("path", ["/search/?q=zebu", "/resources/?q=zebu"])
def test_a_search_stopped_by_the_bound_asks_to_narrow_it(
    client, library, monkeypatch, path
):
    def too_broad(*args, **kwargs):
        raise SearchTooBroad

    monkeypatch.setattr("home.views.ranked_ids", too_broad)
    monkeypatch.setattr("resources.library.ranked_ids", too_broad)
    response = client.get(path)
    assert response.status_code == 200
    assert TOO_BROAD in response.content.decode()


def test_a_word_in_the_title_ranks_above_one_in_the_text(client, home_page):
    make_standard_page(
        home_page, title="Visiting Geneva", slug="geneva", summary="Zebu herds."
    )
    make_standard_page(home_page, title="Zebu facts", slug="zebu", summary="Cattle.")
    assert result_titles(client.get("/search/?q=zebu")) == [
        "Zebu facts",
        "Visiting Geneva",
    ]
    # Every word is required.
    assert result_titles(client.get("/search/?q=zebu+cattle")) == ["Zebu facts"]


def test_the_words_are_marked_where_they_were_found(client, library):
    make_resource(
        library,
        title="Annual report",
        publication_date=datetime.date(2024, 1, 1),
        summary="Travel bans <b>after</b> the sessions in Geneva.",
    )
    html = client.get("/resources/?q=geneva").content.decode()
    assert "<mark>Geneva</mark>" in html
    assert "<b>after</b>" not in html  # the indexed text is escaped


def test_at_most_the_cap_of_results_and_whether_there_were_more(home_page):
    from wagtail.models import Page

    for n in range(4):
        make_standard_page(home_page, title=f"Zebu {n}", slug=f"zebu-{n}")
    hits = fulltext.ranked_ids(Page.objects.live(), "zebu", limit=3)
    assert len(hits.ids) == 3 and hits.more
    hits = fulltext.ranked_ids(Page.objects.live(), "zebu", limit=4)
    assert len(hits.ids) == 4 and not hits.more


def test_a_word_that_occurs_more_often_ranks_higher(client, home_page):
    make_standard_page(
        home_page, title="Geneva notes", slug="once", summary="A zebu grazes."
    )
    make_standard_page(
        home_page,
        title="Field notes",
        slug="thrice",
        summary="Zebu herds, zebu calves and a zebu bull.",
    )
    assert result_titles(client.get("/search/?q=zebu")) == [
        "Field notes",
        "Geneva notes",
    ]
    # A word in the title and one in the text: found, and only that page.
    assert result_titles(client.get("/search/?q=geneva+zebu")) == ["Geneva notes"]


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's ranking copy and plan"
)


@postgres_only
def test_a_stop_word_asks_nothing_and_only_stop_words_find_nothing(client, home_page):
    # (SQLite's FTS5 has no stop words: there "the" is a word like any.)
    make_standard_page(home_page, title="Field notes", slug="n", summary="Zebu herds.")
    assert result_titles(client.get("/search/?q=the+zebu")) == ["Field notes"]
    assert result_titles(client.get("/search/?q=the")) == []


def rank_copy(page):
    """The lexemes of the page's compact ranking copy (core_search_rank)."""
    entry = fulltext.index_entry_model().objects.get(object_id=str(page.pk))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(vector) FROM core_search_rank "
            "WHERE entry_id = %s",
            [entry.pk],
        )
        row = cursor.fetchone()
    return set(row[0]) if row else None


@postgres_only
def test_the_ranking_copy_follows_the_index(home_page):
    from wagtail.search.index import insert_or_update_object, remove_object

    page = make_standard_page(home_page, title="Zebu", slug="zebu", summary="Herds.")
    assert "herd" in rank_copy(page)
    page.summary = "Calves."
    page.save_revision().publish()
    insert_or_update_object(page)
    assert "calv" in rank_copy(page) and "herd" not in rank_copy(page)
    entry_id = fulltext.index_entry_model().objects.get(object_id=str(page.pk)).pk
    remove_object(page)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM core_search_rank WHERE entry_id = %s", [entry_id]
        )
        assert cursor.fetchone() == (0,)
