"""Serving a page costs few queries: deep pages are found by their URL, and
answers every part of a page repeats are looked up once per request."""

import pytest
from wagtail.models import Locale

from core.serving import request_memo
from core.serving.request_memo import remember
from tests import factories


@pytest.fixture
def deep_page(home_page):
    section = factories.make_standard_page(home_page, title="Section")
    sub = factories.make_standard_page(section, title="Sub")
    return factories.make_standard_page(sub, title="Deep")


@pytest.mark.django_db
def test_deep_and_shallow_pages_cost_the_same_queries(client, home_page, deep_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    shallow = "/section/"
    deep = "/section/sub/deep/"
    client.get(shallow), client.get(deep)  # warm caches
    with CaptureQueriesContext(connection) as shallow_queries:
        assert client.get(shallow).status_code == 200
    # Counted now: the next request empties the connection's query log.
    shallow_count = len(shallow_queries)
    with CaptureQueriesContext(connection) as deep_queries:
        response = client.get(deep)
    assert response.status_code == 200
    assert b"Deep" in response.content
    assert len(deep_queries) == shallow_count


@pytest.mark.django_db
def test_an_unpublished_deep_page_is_not_served(client, home_page, deep_page):
    deep_page.unpublish()
    assert client.get("/section/sub/deep/").status_code == 404
    assert client.get("/section/sub/nowhere/").status_code == 404


@pytest.mark.django_db
def test_locale_is_looked_up_once_per_request(django_assert_num_queries, home_page):
    # What the request_started / request_finished signals call (sending the
    # signals themselves would also close the test's database connection).
    request_memo.start()
    try:
        with django_assert_num_queries(1):
            for _ in range(5):
                Locale.objects.get_for_language("en")
    finally:
        request_memo.finish()
    # Outside a request nothing is remembered.
    with django_assert_num_queries(2):
        Locale.objects.get_for_language("en")
        Locale.objects.get_for_language("en")


@pytest.mark.django_db
def test_remember_forgets_when_the_request_ends():
    calls = []
    request_memo.start()
    remember("answer", lambda: calls.append(1) or 42)
    assert remember("answer", lambda: calls.append(1) or 42) == 42
    request_memo.finish()
    request_memo.start()
    remember("answer", lambda: calls.append(1) or 42)
    request_memo.finish()
    assert len(calls) == 2
