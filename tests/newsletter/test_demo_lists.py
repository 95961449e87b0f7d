"""The demo's mailing lists speak every language the site does.

A French reader of the French campaign signs up to the French wording of the
same list (one list, one send), and reads the standard consent sentence in
French: the demo leaves the settings' wording empty so that the translated
standard wording is shown, and kept as evidence, in the reader's language.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale, Site

from newsletter.demo import DEMO_LIST_NAME
from newsletter.models import MailingList, NewsletterSettings


@pytest.fixture
def english_list(demo_site, db):
    return MailingList.objects.get(name=DEMO_LIST_NAME, locale=Locale.get_default())


def test_every_language_has_the_list_as_a_translation(english_list):
    codes = {code for code, _name in settings.LANGUAGES} - {"en"}
    translations = {
        item.locale.language_code: item
        for item in english_list.get_translations().select_related("locale")
    }
    assert set(translations) == codes
    for code, item in translations.items():
        assert item.name != english_list.name, code
        assert item.description != english_list.description, code
        assert item.live and item.active, code


def test_the_consent_sentence_is_the_translated_standard_wording(demo_site, db):
    newsletter_settings = NewsletterSettings.for_site(
        Site.objects.get(is_default_site=True)
    )
    assert newsletter_settings.consent_text == ""
    with translation.override("en"):
        english = newsletter_settings.get_consent_text()
    with translation.override("fr"):
        assert newsletter_settings.get_consent_text() != english


def test_reloading_the_demo_keeps_an_editors_translation(english_list):
    french = english_list.get_translation(Locale.objects.get(language_code="fr"))
    french.name = "Les nouvelles de la campagne"
    french.save()
    call_command("load_demo_content", verbosity=0)
    french.refresh_from_db()
    assert french.name == "Les nouvelles de la campagne"
