"""Publishing a page purges it from the CDN (wagtail.contrib.frontend_cache)."""

from unittest import mock

import pytest
from django.test import override_settings

from tests import factories

PURGE_SETTINGS = {
    "default": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://cdn.invalid:6081",
    }
}


@pytest.fixture
def urlopen():
    # No request leaves the machine: the HTTP call itself is replaced.
    with (
        override_settings(WAGTAILFRONTENDCACHE=PURGE_SETTINGS),
        mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen") as urlopen,
    ):
        yield urlopen


def purged(urlopen):
    return [
        (
            call.args[0].get_method(),
            call.args[0].full_url,
            call.args[0].get_header("Host"),
        )
        for call in urlopen.call_args_list
    ]


def test_publishing_a_page_sends_a_purge_for_its_url(urlopen, home_page):
    about = factories.make_standard_page(home_page, title="About us", slug="about")
    urlopen.reset_mock()
    about.title = "Who we are"
    about.save_revision().publish()
    requests = purged(urlopen)
    assert ("PURGE", "http://cdn.invalid:6081/about/", "testserver") in requests


def test_unpublishing_a_page_purges_it(urlopen, home_page):
    about = factories.make_standard_page(home_page, title="About us", slug="about")
    urlopen.reset_mock()
    about.unpublish()
    assert any(url.endswith("/about/") for _m, url, _h in purged(urlopen))


def test_no_purge_is_sent_without_a_configured_cdn(home_page):
    with mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen") as urlopen:
        factories.make_standard_page(home_page, title="About us", slug="about")
    urlopen.assert_not_called()
