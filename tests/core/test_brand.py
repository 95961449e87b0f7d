"""Editors theme the site from Settings > Brand, within WCAG AA."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from core.brand import BrandSettings, contrast

pytestmark = pytest.mark.django_db


def test_contrast_matches_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_a_pair_under_aa_is_refused_with_its_ratio():
    brand = BrandSettings(
        site=Site.objects.get(is_default_site=True),
        primary="#0b5563",
        primary_text="#ffffff",
        accent="#ffcc00",
        accent_text="#ffffff",
    )
    with pytest.raises(ValidationError) as refused:
        brand.full_clean()
    assert "accent_text" in refused.value.message_dict
    assert "4.5:1" in refused.value.message_dict["accent_text"][0]


def test_the_default_brand_adds_no_stylesheet(client):
    html = client.get("/no-such-page/").content.decode()
    assert "/theme.css" not in html


def test_a_saved_brand_reaches_pages_as_a_versioned_stylesheet(client):
    brand = BrandSettings.for_site(Site.objects.get(is_default_site=True))
    brand.primary, brand.accent = "#4b1d6b", "#9c1c1c"
    brand.full_clean()
    brand.save()
    html = client.get("/no-such-page/").content.decode()
    assert brand.stylesheet_url() in html
    css = client.get(brand.stylesheet_url())
    assert css["Content-Type"].startswith("text/css")
    assert "--brand: #4b1d6b;" in css.content.decode()
    assert "immutable" in css["Cache-Control"]
