"""The server-error page speaks the reader's language, without the database."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


@pytest.mark.parametrize(
    ("language", "opening", "home"),
    [
        ("en", '<html lang="en" dir="ltr">', 'href="/"'),
        ("fr", '<html lang="fr" dir="ltr">', 'href="/fr/"'),
        ("ar", '<html lang="ar" dir="rtl">', 'href="/ar/"'),
        ("zh-hans", '<html lang="zh-hans" dir="ltr">', 'href="/zh-hans/"'),
    ],
)
def test_the_500_page_is_in_the_language_of_the_request(language, opening, home):
    # No django_db mark: the page must render when the database is what failed.
    with translation.override(language):
        expected = translation.gettext("Something went wrong")
        html = server_error(RequestFactory().get("/")).content.decode()
    assert opening in html
    assert f"<h1>{expected}</h1>" in html
    assert home in html
    assert language == "en" or expected != "Something went wrong"
