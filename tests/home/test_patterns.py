"""The pattern library: every component, drawn by the readers' templates."""

from pathlib import Path

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from campaigns.blocks import CampaignStreamBlock
from home.patterns import COLOUR_TOKENS, SPACE_STEPS, TYPE_STEPS, pattern_library

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(demo_site, db, settings):
    settings.PATTERN_LIBRARY = True

    def render(language="en"):
        request = RequestFactory().get("/patterns/", HTTP_HOST="localhost")
        with translation.override(language):
            response = pattern_library(request)
            response.render()
        return response.content.decode()

    return render


def test_every_campaign_block_is_drawn_from_its_preview_value(library):
    html = library()
    for block in CampaignStreamBlock().child_blocks.values():
        assert f'aria-label="{block.label}"' in html, block.name
    # The blocks' own markup, not just their names.
    for marker in ('class="timeline"', "demands__list", "key-figure", "newsletter"):
        assert marker in html, marker


def test_the_page_level_components_are_there(library):
    html = library()
    for marker in (
        "campaign-hero--photo",
        "campaign-hero--type",
        'class="outcome"',
        "campaign-card",
        "resource-card",
        'class="pagination"',
        "notice--success",
        'class="share"',
    ):
        assert marker in html, marker
    assert '<meta name="robots" content="noindex">' in html


def test_every_token_shown_has_its_rule(library):
    html = library()
    css = (PROJECT_DIR / "home/static/home/patterns.css").read_text()
    for token in COLOUR_TOKENS:
        assert f".patterns__swatch--{token} {{ background: var(--{token}); }}" in css
    for step in TYPE_STEPS:
        assert f".patterns__step--{step['class']} {{" in css
        assert f'class="patterns__step--{step["class"]}"' in html
    for step in SPACE_STEPS:
        assert f".patterns__space--{step} {{" in css


def test_it_is_drawn_right_to_left_in_arabic(library):
    assert '<html lang="ar" dir="rtl">' in library("ar")


def test_it_is_not_served_unless_turned_on(db, settings):
    settings.PATTERN_LIBRARY = False
    with pytest.raises(Http404):
        pattern_library(RequestFactory().get("/patterns/"))
    # Not routed either (the test settings leave it off), so a page with the
    # slug "patterns" is reachable.
    with pytest.raises(NoReverseMatch):
        reverse("pattern_library")
