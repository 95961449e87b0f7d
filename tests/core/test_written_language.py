"""A page is served in a language only when it is written in it (core.i18n)."""

import json
import re

import pytest
from wagtail.models import Locale

from tests import factories


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        )
    ]


@pytest.mark.django_db
def test_every_configured_language_has_a_locale():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {"en", "fr", "es", "ar", "zh-hans"} <= codes


@pytest.mark.django_db
def test_an_untranslated_page_is_english_labelled_english_with_a_spanish_note(
    client, home_page
):
    page = factories.make_standard_page(home_page, title="About us", slug="about")
    response = client.get("/es" + page.get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert response["Content-Language"] == "en"
    assert '<html lang="en" dir="ltr">' in html
    assert 'property="og:locale" content="en_GB"' in html
    assert all(d.get("inLanguage", "en") == "en" for d in json_ld(html))
    assert 'lang="es"' in html
    assert "Esta página no está disponible en español" in html


@pytest.mark.django_db
def test_arabic_pages_are_right_to_left(client, home_page):
    arabic = Locale.objects.get(language_code="ar")
    home_ar = home_page.copy_for_translation(arabic)
    home_ar.title = "الرئيسية"
    home_ar.save_revision().publish()
    response = client.get("/ar/")
    html = response.content.decode()
    assert response["Content-Language"] == "ar"
    assert '<html lang="ar" dir="rtl">' in html
    assert 'property="og:locale" content="ar_AR"' in html
    assert 'property="og:locale:alternate" content="en_GB"' in html
    assert 'hreflang="x-default" href="http://testserver/"' in html
    assert "translation-note" not in html


@pytest.mark.django_db
def test_an_alias_in_another_language_is_served_as_its_original(client, home_page):
    spanish = Locale.objects.get(language_code="es")
    home_page.copy_for_translation(spanish, alias=True)
    response = client.get("/es/")
    html = response.content.decode()
    assert response["Content-Language"] == "en"
    assert '<html lang="en"' in html
    assert 'rel="canonical" href="http://testserver/"' in html
    # The alias is no translation: not offered as Spanish.
    assert 'hreflang="es"' not in html.split("translation-note")[0]
