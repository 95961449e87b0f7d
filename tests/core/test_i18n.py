"""A chosen page is shown in the reader's language by one rule (core.i18n)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from core.i18n import localize_page, pages_in_language
from tests import factories
from tests.campaigns.builders import make_campaign, make_campaign_index


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


def translate(page, locale, publish=True):
    copy = page.copy_for_translation(locale, copy_parents=True)
    if publish:
        copy.save_revision().publish()
    return copy


def test_a_live_translation_is_shown_and_a_draft_one_is_not(home_page, french):
    translated = factories.make_standard_page(home_page, title="A", slug="a")
    draft_only = factories.make_standard_page(home_page, title="B", slug="b")
    untranslated = factories.make_standard_page(home_page, title="C", slug="c")
    a_fr = translate(translated, french)
    translate(draft_only, french, publish=False)
    ids = [translated.pk, draft_only.pk, untranslated.pk]
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        shown = pages_in_language(ids)
    assert len(queries) == 1
    assert shown[translated.pk].pk == a_fr.pk
    assert shown[draft_only.pk].pk == draft_only.pk
    assert shown[untranslated.pk].pk == untranslated.pk
    with translation.override("en"):
        assert localize_page(a_fr).pk == translated.pk


def test_an_unpublished_original_is_returned_for_the_caller_to_judge(home_page, french):
    page = factories.make_standard_page(home_page, title="Gone", slug="gone")
    page.unpublish()
    with translation.override("fr"):
        shown = pages_in_language([page.pk])
    assert shown[page.pk].live is False


def test_links_on_a_translated_page_cost_one_query_however_many(
    client, home_page, french
):
    targets = [
        factories.make_standard_page(home_page, title=f"T{n}", slug=f"t{n}")
        for n in range(4)
    ]
    for target in targets:
        translate(target, french)

    def call_to_action(target):
        return (
            "call_to_action",
            {
                "heading": "Read",
                "text": "",
                "button_label": "Read",
                "link": {"page": target, "document": None, "url": ""},
            },
        )

    index = make_campaign_index(home_page)
    one = make_campaign(index, title="One", body=[call_to_action(targets[0])])
    many = make_campaign(
        index, title="Many", body=[call_to_action(target) for target in targets]
    )
    counts = []
    for page in (one, many):
        french_page = translate(page, french)
        client.get(french_page.url)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(french_page.url).content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1]
    for target in targets:
        assert f'href="{target.get_translation(french).url}"' in html
