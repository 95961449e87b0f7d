"""The demo #EndReprisals campaign expresses every part of the reference page."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from campaigns.models import CampaignIndexPage, CampaignPage, KeyFigure


@pytest.fixture
def demo(demo_site, db):
    # The demo is loaded once for this module (demo_site); each test's
    # writes are rolled back after it.
    return CampaignPage.objects.get(slug="end-reprisals", locale__language_code="en")


def test_demo_campaign_page_shows_outcome_figures_and_timeline(client, demo):
    html = client.get(demo.url).content.decode()
    assert "We did it!" in html
    assert '<time datetime="2021-10-08">8 October 2021</time>' in html

    for figure in ("709", "31%", "50%"):
        statement = re.search(
            rf'<strong class="key-figure__value">{re.escape(figure)}</strong>'
            r".*?</p>\s*<p class=\"key-figure__source\"><small>Source: "
            r'<a href="([^"]+)">',
            html,
            re.S,
        )
        assert statement, figure
        # "Our study" is the study in the library.
        assert statement.group(1).endswith("/reprisals-un-decade-review/")

    timeline = html[html.index('<ol class="timeline">') :]
    timeline = timeline[: timeline.index("</ol>")]
    dates = re.findall(r'<time class="timeline__date" datetime="([\d-]+)"', timeline)
    assert dates == ["2021-09-17", "2021-10-08", "2021-10-14"]
    stored = [
        str(item["date"])
        for block in demo.body
        if block.block_type == "milestones"
        for item in block.value["milestones"]
    ]
    assert stored != dates  # entered out of order; the page sorts them

    for part in (
        "What do we want?",
        "What is still missing",
        "Reprisals at the UN at a glance",
        'class="video__link" href="https://www.youtube.com/watch?v=',
        "China and the UN treaty body system",
        "Reprisals: submission on trends and recent cases in China",
        'class="newsletter-form"',
    ):
        assert part in html, part


def test_demo_index_lists_active_campaigns_first(client, demo):
    index = CampaignIndexPage.objects.get(locale=Locale.get_default())
    html = client.get(index.url).content.decode()
    hashtags = re.findall(r'campaign-card__hashtag" dir="auto">([^<]+)<', html)
    assert hashtags == ["#SafeToSpeak", "#EndReprisals", "#OpenDoors"]
    assert "badge--active" in html and "badge--won" in html and ">Closed<" in html


def test_demo_has_a_published_french_translation(client, demo):
    french = demo.get_translation(Locale.objects.get(language_code="fr"))
    assert french.live and french.title != demo.title
    assert french.get_parent().specific.title == "Campagnes"
    english_html = client.get(demo.url).content.decode()
    assert f'href="{french.url}" hreflang="fr"' in english_html
    french_html = client.get(french.url).content.decode()
    assert "Nous avons gagné" in french_html  # interface strings translated
    assert "de ces cas concernent le Moyen-Orient" in french_html  # French figure


def test_demo_runs_twice_without_duplicates(demo):
    def counts():
        return (
            Page.objects.count(),
            CampaignPage.objects.count(),
            KeyFigure.objects.count(),
            len(CampaignPage.objects.get(pk=demo.pk).body),
        )

    first = counts()
    call_command("load_demo_content", verbosity=0)
    assert counts() == first
    assert KeyFigure.objects.filter(locale=Locale.get_default()).count() == 3


def test_demo_flags_one_figure_out_of_date_on_purpose(demo):
    english = KeyFigure.objects.filter(locale=Locale.get_default())
    assert english.count() == 3
    assert [f.figure for f in english if f.is_stale] == ["50%"]
    # A translation states the same fact as of the same date.
    for figure in KeyFigure.objects.exclude(locale=Locale.get_default()):
        original = figure.get_translation(Locale.get_default())
        assert figure.as_of == original.as_of


def test_demo_says_its_video_is_a_placeholder(client, demo):
    html = client.get(demo.url).content.decode()
    assert "(demo placeholder video)" in html
