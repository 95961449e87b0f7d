"""The whole-page cache: anonymous GETs only, emptied when content changes,
keyed on what the page read and varies on, never telling the public."""

import contextlib
import socket
import threading

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.utils.cache import patch_cache_control

from core.serving import page_cache, resilient
from tests import factories


def served_from(response):
    """'hit', 'miss' (rendered and kept) or None (not kept): set by the cache
    on the response object, never sent as a header."""
    return getattr(response, "page_cache", None)


@pytest.fixture
def page_cache_on():
    cache.clear()
    # A cache back from an outage is asked again at once (no pause).
    with override_settings(PAGE_CACHE_ENABLED=True, CACHE_RETRY_SECONDS=0):
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
    assert served_from(first) == "miss"
    with django_assert_num_queries(0):
        second = client.get("/about/")
    assert served_from(second) == "hit"
    assert second.content == first.content
    # The cached copy keeps its headers, and still sets no cookie.
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert not second.cookies


def test_no_header_tells_the_public_whether_a_page_came_from_the_cache(
    page_cache_on, about
):
    client = Client()
    for response in (client.get("/about/"), client.get("/about/")):
        assert not [name for name in response.headers if "cache" in name.lower()
                    and name.lower() != "cache-control"]  # fmt: skip
    assert served_from(response) == "hit"


def test_publishing_any_page_empties_the_cache(page_cache_on, about, home_page):
    client = Client()
    for path in ("/", "/about/"):
        assert served_from(client.get(path)) == "miss"
        assert served_from(client.get(path)) == "hit"
    # Publishing one page empties the cache of every page.
    home_page.save_revision().publish()
    assert served_from(client.get("/")) == "miss"
    about.title = "Who we are"
    about.save_revision().publish()
    response = client.get("/about/")
    assert served_from(response) == "miss"
    assert b"Who we are" in response.content


def test_unpublishing_a_page_empties_the_cache(page_cache_on, about):
    client = Client()
    client.get("/about/")
    about.unpublish()
    assert client.get("/about/").status_code == 404


def test_parameters_a_page_never_reads_share_its_one_entry(
    page_cache_on, about, django_assert_num_queries
):
    client = Client()
    assert served_from(client.get("/about/")) == "miss"
    with django_assert_num_queries(0):
        response = client.get("/about/?fbclid=abc123&utm_source=x")
    assert served_from(response) == "hit"
    # ...and unique query strings add nothing: each is a hit, none is stored.
    assert {served_from(client.get(f"/about/?fbclid={n}")) for n in range(20)} == {
        "hit"
    }


def reading_view(read):
    """A public page that reads the query string the way `read` does."""

    def view(request):
        response = HttpResponse(f"page {read(request.GET)}")
        patch_cache_control(response, public=True, max_age=300)
        return response

    return page_cache.PageCacheMiddleware(view)


def anonymous_get(path, **headers):
    request = RequestFactory().get(path, **headers)
    request.COOKIES = {}
    return request


def test_parameters_a_page_reads_are_kept_apart(page_cache_on):
    middleware = reading_view(lambda query: query.get("page", "1"))
    assert middleware(anonymous_get("/list/?page=2")).content == b"page 2"
    hit = middleware(anonymous_get("/list/?page=2&fbclid=1"))
    assert (served_from(hit), hit.content) == ("hit", b"page 2")
    other = middleware(anonymous_get("/list/?page=3"))
    assert (served_from(other), other.content) == ("miss", b"page 3")


def test_a_page_that_reads_the_whole_query_string_is_not_kept_per_query(
    page_cache_on,
):
    middleware = reading_view(lambda query: query.urlencode())
    assert served_from(middleware(anonymous_get("/list/"))) == "miss"
    for n in range(3):
        response = middleware(anonymous_get(f"/list/?fbclid={n}"))
        assert served_from(response) is None
        assert response.content == f"page fbclid={n}".encode()


def test_responses_are_keyed_on_the_headers_they_vary_on(page_cache_on):
    def view(request):
        response = HttpResponse(f"for {request.headers.get('Accept-Encoding', '')}")
        patch_cache_control(response, public=True, max_age=300)
        response["Vary"] = "Accept-Encoding"
        return response

    middleware = page_cache.PageCacheMiddleware(view)
    gzip = middleware(anonymous_get("/v/", HTTP_ACCEPT_ENCODING="gzip"))
    zstd = middleware(anonymous_get("/v/", HTTP_ACCEPT_ENCODING="zstd"))
    assert (served_from(gzip), served_from(zstd)) == ("miss", "miss")
    again = middleware(anonymous_get("/v/", HTTP_ACCEPT_ENCODING="zstd"))
    assert (served_from(again), again.content) == ("hit", b"for zstd")


def test_search_results_are_never_kept(page_cache_on, home_page):
    client = Client()
    for _ in range(2):
        response = client.get("/search/?q=reprisals")
        assert response.status_code == 200
        assert served_from(response) is None
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


def test_library_searches_are_never_kept(page_cache_on, home_page):
    from tests.resources.conftest import make_library

    make_library(home_page)
    client = Client()
    assert served_from(client.get("/resources/?topic=")) == "miss"
    for _ in range(2):
        response = client.get("/resources/?q=china")
        assert served_from(response) is None
        assert "no-store" in response["Cache-Control"]


def test_the_admin_is_never_cached(page_cache_on, admin_client, home_page):
    for _ in range(2):
        response = admin_client.get("/admin/")
        assert response.status_code == 200
        assert served_from(response) is None
        assert "public" not in response.get("Cache-Control", "")


def test_logged_in_editors_bypass_the_cache(page_cache_on, admin_client, about):
    Client().get("/about/")  # cached for readers
    response = admin_client.get("/about/")
    assert served_from(response) is None


def test_posts_and_responses_with_cookies_are_never_cached(page_cache_on, home_page):
    client = Client()
    response = client.post("/")
    assert served_from(response) is None
    # The admin login form sets the CSRF cookie: never stored, never public.
    for _ in range(2):
        response = client.get("/admin/login/")
        assert served_from(response) is None
    assert "public" not in response.get("Cache-Control", "")


def test_not_found_pages_are_not_kept(page_cache_on, home_page):
    client = Client()
    client.get("/missing/")
    response = client.get("/missing/")
    assert response.status_code == 404
    assert served_from(response) is None


def test_saving_site_settings_empties_the_cache(page_cache_on, about, home_page):
    from core.models import SiteSettings

    client = Client()
    client.get("/about/")
    settings = SiteSettings.for_site(home_page.get_site())
    settings.organisation_name = "Renamed Organisation"
    settings.save()
    response = client.get("/about/")
    assert served_from(response) == "miss"
    assert b"Renamed Organisation" in response.content


class BrokenCache:
    """A cache whose server is down: every call raises, as django-redis does."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache down")

        return fail


def test_pages_render_uncached_while_the_cache_is_down(
    page_cache_on, about, monkeypatch
):
    working = resilient.cache
    monkeypatch.setattr(resilient, "cache", BrokenCache)
    client = Client()
    for _ in range(2):
        response = client.get("/about/")
        assert response.status_code == 200
        assert b"About us" in response.content
        assert served_from(response) is None
    assert resilient.is_down()
    # Published during the outage: the bump is lost...
    about.title = "Published while Redis was down"
    about.save_revision().publish()
    monkeypatch.setattr(resilient, "cache", working)
    # ...so the first call that reaches the cache again starts a new generation.
    response = client.get("/about/")
    assert not resilient.is_down()
    assert b"Published while Redis was down" in response.content
    assert served_from(client.get("/about/")) == "hit"


def test_a_page_kept_before_an_outage_is_not_served_after_it(
    page_cache_on, about, monkeypatch
):
    client = Client()
    client.get("/about/")
    working = resilient.cache
    monkeypatch.setattr(resilient, "cache", BrokenCache)
    about.title = "Changed during the outage"
    about.save_revision().publish()
    assert resilient.is_down()
    monkeypatch.setattr(resilient, "cache", working)
    response = client.get("/about/")
    assert b"Changed during the outage" in response.content


def redis_at(port):
    return {
        "default": {
            "BACKEND": "core.serving.resilient.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }


def test_a_redis_that_refuses_connections_costs_a_miss_not_an_error(
    page_cache_on, about
):
    # Nothing listens on port 9: connections are refused at once. (Django's
    # test signals rebuild the cache handlers when CACHES changes.)
    with override_settings(CACHES=redis_at(9)):
        for path in ("/", "/about/", "/search/?q=about"):
            assert Client().get(path).status_code == 200
        assert resilient.is_down()
    assert Client().get("/about/").status_code == 200
    assert not resilient.is_down()


@pytest.fixture
def hanging_redis():
    """A port that accepts connections and never answers; counts them."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted = []

    def accept():
        with contextlib.suppress(OSError):
            while True:
                accepted.append(server.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1], accepted
    server.close()
    for connection in accepted:
        connection.close()


def test_a_redis_that_hangs_is_asked_once_per_retry_interval(
    page_cache_on, about, hanging_redis
):
    port, accepted = hanging_redis
    with override_settings(CACHES=redis_at(port), CACHE_RETRY_SECONDS=60):
        assert Client().get("/about/").status_code == 200
        assert resilient.is_down()
        tried = len(accepted)
        for _ in range(4):
            assert Client().get("/about/").status_code == 200
    # The first request waited for the timeout; the later ones skipped Redis.
    assert tried >= 1
    assert len(accepted) == tried
    resilient._state["failed_at"] = 0.0  # noqa: SLF001 - end the pause now
    Client().get("/about/")
    assert not resilient.is_down()
