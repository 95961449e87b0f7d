"""The whole-page cache: anonymous GETs only, emptied when content changes."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from tests import factories


@pytest.fixture
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield
    cache.clear()


@pytest.fixture
def about(home_page):
    return factories.make_standard_page(home_page, title="About us", slug="about")


def test_a_second_anonymous_visit_is_served_from_the_cache(
    page_cache_on, about, django_assert_num_queries
):
    client = Client()
    first = client.get("/about/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/about/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # The cached copy keeps its headers, and still sets no cookie.
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert not second.cookies


def test_publishing_any_page_empties_the_cache(page_cache_on, about, home_page):
    client = Client()
    for path in ("/", "/about/"):
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"
    about.title = "Who we are"
    about.save_revision().publish()
    response = client.get("/about/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Who we are" in response.content
    # Not only the published page: the home page may list or link it.
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_unpublishing_a_page_empties_the_cache(page_cache_on, about):
    client = Client()
    client.get("/about/")
    about.unpublish()
    assert client.get("/about/").status_code == 404


def test_query_strings_are_cached_apart(page_cache_on, about):
    client = Client()
    client.get("/about/")
    assert client.get("/about/?page=2")["X-Page-Cache"] == "miss"


def test_the_admin_is_never_cached(page_cache_on, admin_client, home_page):
    for _ in range(2):
        response = admin_client.get("/admin/")
        assert response.status_code == 200
        assert not response.has_header("X-Page-Cache")
        assert "public" not in response.get("Cache-Control", "")


def test_logged_in_editors_bypass_the_cache(page_cache_on, admin_client, about):
    Client().get("/about/")  # cached for readers
    response = admin_client.get("/about/")
    assert not response.has_header("X-Page-Cache")


def test_posts_and_responses_with_cookies_are_never_cached(page_cache_on, home_page):
    client = Client()
    response = client.post("/")
    assert not response.has_header("X-Page-Cache")
    # The admin login form sets the CSRF cookie: never stored, never public.
    for _ in range(2):
        response = client.get("/admin/login/")
        assert not response.has_header("X-Page-Cache")
    assert "public" not in response.get("Cache-Control", "")


def test_not_found_pages_are_not_kept(page_cache_on, home_page):
    client = Client()
    client.get("/missing/")
    response = client.get("/missing/")
    assert response.status_code == 404
    assert not response.has_header("X-Page-Cache")


def test_saving_site_settings_empties_the_cache(page_cache_on, about, home_page):
    from core.models import SiteSettings

    client = Client()
    client.get("/about/")
    settings = SiteSettings.for_site(home_page.get_site())
    settings.organisation_name = "Renamed Organisation"
    settings.save()
    response = client.get("/about/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Renamed Organisation" in response.content
