"""Search results on the library page read their pages only for cards whose
HTML is not kept (resources/cards.py), and then all together."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page

from core.i18n import language_of_part
from resources.cards import search_cards
from tests.resources.conftest import make_resource

pytestmark = pytest.mark.django_db

SEARCH = "/resources/?q=geneva"


@pytest.fixture
def found(library):
    return [
        make_resource(
            library,
            title=f"Geneva paper {number}",
            publication_date=datetime.date(2024, 1, 1 + number),
            summary=f"Travel bans after the sessions in Geneva, part {number}.",
        )
        for number in range(3)
    ]


def page_reads(queries):
    """The queries that read resource pages whole (their summary among the
    columns), not the narrow one that asks for ids and languages."""
    return [
        q["sql"] for q in queries if '"resources_resourcepage"."summary"' in q["sql"]
    ]


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), queries


def test_kept_cards_read_no_page_and_show_the_same(client, found):
    first, cold = get(client, SEARCH)
    kept, warm = get(client, SEARCH)
    assert kept == first
    for paper in found:
        assert paper.title in kept
    assert first.count("<mark>Geneva</mark>") >= len(found)
    # Cold: every card's page read in one query; kept: none read at all.
    assert len(page_reads(cold)) == 1
    assert page_reads(warm) == []
    assert len(warm) < len(cold)


def test_a_card_is_its_page_to_templates_and_reads_them_once(found):
    ids = [paper.pk for paper in reversed(found)]
    cards = search_cards(ids, {found[0].pk: "where"})
    assert [card.pk for card in cards] == ids
    assert cards[-1].snippet == "where" and cards[0].snippet == ""
    assert all(isinstance(card, Page) for card in cards)
    with CaptureQueriesContext(connection) as queries:
        titles = [card.title for card in cards]
        urls = [card.url for card in cards]
    assert titles == [paper.title for paper in reversed(found)]
    assert urls == [paper.url for paper in reversed(found)]
    assert len(page_reads(queries)) == 1


def test_an_alias_card_is_written_in_its_originals_language(library, found):
    spanish = Locale.objects.get(language_code="es")
    alias = found[0].create_alias(
        parent=library.copy_for_translation(spanish, copy_parents=True),
        update_locale=spanish,
    )
    (card,) = search_cards([alias.pk], {})
    with CaptureQueriesContext(connection) as queries:
        with translation.override("es"):
            assert language_of_part(card) == "en"
    assert page_reads(queries) == []
