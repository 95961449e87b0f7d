"""A part of a page written in another language says so (WCAG 3.1.2).

A French page lists English papers, the Spanish menu links English pages, the
footer text is typed once in the default language: each such part carries its
own `lang` (and `dir`), so a screen reader reads it in the right voice, and the
reader is never shown English labelled as French.
"""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from core.i18n import language_of_part
from core.serving import request_memo
from tests import factories


@pytest.fixture
def english_page(home_page):
    return factories.make_standard_page(home_page, title="Annual report", slug="r")


def render(source, **context):
    return Template("{% load language_tags %}" + source).render(Context(context))


def test_a_page_in_the_language_of_the_document_needs_no_label(english_page):
    with translation.override("en"):
        assert language_of_part(english_page) is None
        assert render("<p{% part_language page %}>", page=english_page) == "<p>"


def test_an_english_page_on_an_arabic_page_is_labelled_english_left_to_right(
    english_page,
):
    with translation.override("ar"):
        assert language_of_part(english_page) == "en"
        html = render("<p{% part_language page %}>", page=english_page)
    assert html == '<p lang="en" dir="ltr">'


def test_an_alias_is_labelled_with_its_originals_language(english_page):
    spanish = Locale.objects.get(language_code="es")
    alias = english_page.create_alias(
        parent=english_page.get_parent().copy_for_translation(spanish),
        update_locale=spanish,
    )
    with translation.override("es"):
        assert language_of_part(alias) == "en"


def test_text_typed_in_the_site_settings_is_in_the_default_language(db):
    with translation.override("fr"):
        assert render("{% settings_text_language %}") == ' lang="en" dir="ltr"'
    with translation.override("en"):
        assert render("{% settings_text_language %}") == ""


def test_labelling_a_list_of_other_language_pages_costs_one_query(home_page):
    pages = [
        factories.make_standard_page(home_page, title=f"P{n}", slug=f"p{n}")
        for n in range(5)
    ]
    request_memo.start({"PATH_INFO": "/fr/"})  # as a public request does
    try:
        with translation.override("fr"), CaptureQueriesContext(connection) as queries:
            labels = [language_of_part(page) for page in pages]
    finally:
        request_memo.finish()
    assert labels == ["en"] * 5
    # Locale.get_active() and the locale codes, each asked once.
    assert len(queries) <= 2
