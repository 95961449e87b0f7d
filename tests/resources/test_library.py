"""The library page: filters, search, pagination, bad input, empty state, queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import ResourceType
from tests.factories import make_image
from tests.resources.conftest import make_document, make_place, make_resource

pytestmark = pytest.mark.django_db


def titles(response):
    return [resource.title for resource in response.context["resources"]]


@pytest.fixture
def papers(library):
    china = make_place("china")
    bahrain = make_place("bahrain")
    return {
        "china_briefing": make_resource(
            library,
            title="China and the treaty bodies",
            resource_type=ResourceType.BRIEFING_PAPER,
            publication_date=datetime.date(2023, 2, 1),
            tags=["China", "Reprisals"],
            places=[china],
            summary="How one state pressures UN committees.",
        ),
        "china_submission": make_resource(
            library,
            title="Reprisals in China: submission",
            resource_type=ResourceType.SUBMISSION,
            publication_date=datetime.date(2023, 6, 1),
            tags=["China"],
            places=[china],
        ),
        "bahrain_briefing": make_resource(
            library,
            title="Bahrain: defenders punished",
            resource_type=ResourceType.BRIEFING_PAPER,
            publication_date=datetime.date(2022, 3, 1),
            tags=["Reprisals"],
            places=[bahrain],
            body=[("text", "<p>Travel bans after Geneva sessions.</p>")],
        ),
        "statement": make_resource(
            library,
            title="Statement to the Council",
            resource_type=ResourceType.STATEMENT,
            publication_date=datetime.date(2021, 9, 1),
            summary="We asked states to name the governments that retaliate.",
        ),
    }


def test_lists_live_resources_newest_first(client, library, papers):
    draft = make_resource(library, title="Unpublished draft")
    draft.unpublish()
    response = client.get("/resources/")
    assert response.status_code == 200
    assert titles(response) == [
        "Reprisals in China: submission",
        "China and the treaty bodies",
        "Bahrain: defenders punished",
        "Statement to the Council",
    ]
    assert "4 resources" in response.content.decode()
    assert "cookie" not in {key.lower() for key in response.headers}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "type=briefing-paper",
            ["China and the treaty bodies", "Bahrain: defenders punished"],
        ),
        (
            "topic=china",
            ["Reprisals in China: submission", "China and the treaty bodies"],
        ),
        ("place=bahrain", ["Bahrain: defenders punished"]),
        (
            "year=2023",
            ["Reprisals in China: submission", "China and the treaty bodies"],
        ),
        ("type=briefing-paper&topic=china", ["China and the treaty bodies"]),
        (
            "type=briefing-paper&topic=reprisals&year=2022",
            ["Bahrain: defenders punished"],
        ),
        (
            "topic=china&place=china&year=2023&type=submission",
            ["Reprisals in China: submission"],
        ),
    ],
)
def test_filters_alone_and_combined(client, papers, query, expected):
    response = client.get(f"/resources/?{query}")
    assert titles(response) == expected


def test_filtered_page_keeps_choices_selected_and_offers_reset(client, papers):
    html = client.get("/resources/?type=briefing-paper&topic=china").content.decode()
    assert '<option value="briefing-paper" selected>' in html
    assert '<option value="china" selected>' in html
    assert 'href="/resources/">Reset filters</a>' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=treaty", ["China and the treaty bodies"]),  # title
        ("q=committees", ["China and the treaty bodies"]),  # summary
        ("q=Geneva", ["Bahrain: defenders punished"]),  # body
        ("q=retaliate", ["Statement to the Council"]),  # summary
        ("q=China&type=submission", ["Reprisals in China: submission"]),  # + filter
        ("q=nosuchwordanywhere", []),
    ],
)
def test_search(client, papers, query, expected):
    assert titles(client.get(f"/resources/?{query}")) == expected


def test_search_finds_a_word_only_in_the_pdf(client, library):
    document = make_document(words="The delegation mentioned zygomorphic flowers.")
    make_resource(library, title="Paper with a PDF", document=document)
    make_resource(library, title="Paper without")
    response = client.get("/resources/?q=zygomorphic")
    assert titles(response) == ["Paper with a PDF"]


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999999999999999999",
        "year=1e9",
        "year=abc",
        "year=3000",
        "type=%3Cscript%3Ealert(1)%3C/script%3E",
        "topic=%00",
        "place=nowhere",
        "q=%00",
        "q=" + "x" * 500,
        "q=%22unbalanced",
        "q=AND OR NOT",
        "q=*",
        "type=report&type=news",
        "page=2&year=2023&topic[]=1",
    ],
)
def test_bad_query_strings_never_fail(client, papers, query):
    response = client.get(f"/resources/?{query}")
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    feed = client.get(f"/resources/feed/?{query}")
    assert feed.status_code == 200


def test_unknown_filter_values_are_ignored(client, papers):
    response = client.get("/resources/?type=pamphlet&year=1e9&topic=nothing")
    assert len(titles(response)) == 4
    assert response.context["page_obj"].number == 1


def test_pagination(client, library):
    for day in range(1, 15):
        make_resource(
            library,
            title=f"Paper {day:02d}",
            publication_date=datetime.date(2024, 1, day),
        )
    first = client.get("/resources/")
    assert titles(first)[0] == "Paper 14"
    assert len(titles(first)) == 12
    html = first.content.decode()
    assert 'href="?page=2"' in html
    second = client.get("/resources/?page=2")
    assert titles(second) == ["Paper 02", "Paper 01"]
    # Out of range and malformed numbers give the first page.
    assert titles(client.get("/resources/?page=7")) == titles(first)
    assert titles(client.get("/resources/?page=abc")) == titles(first)
    # Page links keep the filters.
    filtered = client.get("/resources/?year=2024").content.decode()
    assert 'href="?year=2024&amp;page=2"' in filtered


def test_every_page_reads_from_the_nearer_end_in_the_library_order(client, library):
    # 30 papers, 12 a page: pages 1, 2 from the newest end, 3 from the oldest;
    # two papers share a date (the tie is broken by id, both ways round).
    made = [
        make_resource(
            library,
            title=f"Paper {n:02d}",
            publication_date=datetime.date(2024, 1, min(n, 29)),
        )
        for n in range(1, 31)
    ]
    newest_first = [
        r.title
        for r in sorted(made, key=lambda r: (r.publication_date, r.pk), reverse=True)
    ]
    pages = []
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/resources/?page={number}")
        pages += titles(response)
        offsets = [
            int(m[1]) for q in queries for m in re.finditer(r"OFFSET (\d+)", q["sql"])
        ]
        assert all(offset <= 15 for offset in offsets), offsets
    assert pages == newest_first
    assert titles(client.get("/resources/?page=last")) == newest_first[24:]


def test_empty_state_offers_a_way_back(client, papers):
    response = client.get("/resources/?q=nosuchwordanywhere")
    html = response.content.decode()
    assert "0 resources" in html
    assert "No resources match these filters." in html
    assert 'href="/resources/">Show all resources</a>' in html


def test_library_links_its_feed_with_the_current_filters(client, papers):
    html = client.get("/resources/?topic=china&type=briefing-paper").content.decode()
    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml"[^>]*'
        r'href="/resources/feed/\?type=briefing-paper&amp;topic=china"',
        html,
    )
    assert 'href="/resources/feed/?type=briefing-paper&amp;topic=china"' in html
    assert "Subscribe to these results" in html


def _render_queries(client, url):
    client.get(url)  # warm caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


URLS = [
    "/resources/",
    "/resources/?topic=china&type=report",
    "/resources/?q=paper&year=2024",
    "/resources/?page=2",
    "/resources/feed/?topic=china",
]


def test_query_count_does_not_grow_with_resources(client, library):
    china = make_place("china")
    document = make_document(words="Paper text.")
    # Every card shows a cover, half the editor's and half drawn from the
    # PDF: a page of cards without any cover needs no renditions query.
    cover = make_image("Editor's cover")

    def add(count, start):
        for number in range(start, start + count):
            make_resource(
                library,
                title=f"Paper {number}",
                publication_date=datetime.date(2024, 1, 1 + number % 28),
                tags=["China", f"Topic {number}"],
                places=[china],
                document=document if number % 2 else None,
                cover_image=None if number % 2 else cover,
            )

    add(5, 0)
    small = [_render_queries(client, url) for url in URLS]
    add(55, 5)
    large = [_render_queries(client, url) for url in URLS]
    assert small == large
    assert max(large) <= 25
