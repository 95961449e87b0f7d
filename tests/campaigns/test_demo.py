"""The demo #EndReprisals campaign expresses every part of the reference page,
in every language of the site: the campaign in French, Spanish and Arabic, the
China briefing paper in Chinese, each under home pages written in its language."""

import re

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Locale, Page

from campaigns.demo import TRANSLATIONS, copy_en
from campaigns.models import CampaignIndexPage, CampaignPage, KeyFigure
from home.demo_copy import HOME
from home.models import HomePage
from resources import demo_zh
from resources.models import ResourceIndexPage, ResourcePage


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


def text_of(page):
    """What a reader of the page's body reads, as one string."""
    return str(page.body.render_as_block())


def html_tag(html):
    return re.search(r"<html [^>]*>", html).group(0)


@pytest.mark.parametrize("language_code", ["fr", "es", "ar"])
def test_demo_campaign_is_translated_into(client, demo, language_code):
    copy = TRANSLATIONS[language_code]
    locale = Locale.objects.get(language_code=language_code)
    translation = demo.get_translation(locale).specific
    assert translation.live and not translation.alias_of_id
    assert translation.locale.language_code == language_code
    assert translation.title == copy.PAGE["title"] != demo.title
    assert copy.BODY["demands_heading"] in text_of(translation)
    assert copy_en.BODY["demands_heading"] not in text_of(translation)
    index = translation.get_parent().specific
    assert (index.title, index.alias_of_id) == (copy.INDEX["title"], None)
    figures = KeyFigure.objects.filter(locale=locale)
    assert {f.figure: f.label for f in figures} == copy.FIGURE_LABELS

    response = client.get(translation.url)
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if language_code == "ar" else "ltr"
    assert html_tag(html) == f'<html lang="{language_code}" dir="{direction}">'
    assert escape(copy.FIGURE_LABELS["31%"]) in html
    assert 'class="translation-note"' not in html  # not "shown in English"


def test_demo_china_briefing_paper_is_in_chinese(client, demo):
    paper = ResourcePage.objects.get(
        slug=demo_zh.PAPER_SLUG, locale=Locale.get_default()
    )
    chinese = paper.get_translation(
        Locale.objects.get(language_code="zh-hans")
    ).specific
    assert chinese.live and not chinese.alias_of_id
    assert chinese.locale.language_code == "zh-hans"
    for field in ("title", "summary", "search_description"):
        assert getattr(chinese, field) == demo_zh.PAPER[field]
        assert getattr(chinese, field) != getattr(paper, field)
    assert "条约机构" in text_of(chinese)
    library = chinese.get_parent().specific
    assert isinstance(library, ResourceIndexPage) and not library.alias_of_id
    assert library.title == demo_zh.LIBRARY["title"]

    html = client.get(chinese.url).content.decode()
    assert html_tag(html) == '<html lang="zh-hans" dir="ltr">'
    assert escape(demo_zh.PAPER["summary"]) in html
    assert (
        f'href="{chinese.url}" hreflang="zh-hans"'
        in client.get(paper.url).content.decode()
    )
    library_html = client.get(library.url).content.decode()
    assert demo_zh.PAPER["title"] in library_html


@pytest.mark.parametrize(
    "language_code, outcome_date",
    [
        ("en", "8 October 2021"),
        ("fr", "8 octobre 2021"),
        ("es", "8 de octubre de 2021"),
        ("ar", "8 أكتوبر، 2021"),
    ],
)
def test_dates_are_written_as_the_language_writes_them(
    client, demo, language_code, outcome_date
):
    page = demo.get_translation(Locale.objects.get(language_code=language_code))
    html = client.get(page.url).content.decode()
    assert f'<time datetime="2021-10-08">{outcome_date}</time>' in html


def test_a_chinese_page_writes_its_dates_in_chinese(client, demo):
    paper = ResourcePage.objects.get(
        slug=demo_zh.PAPER_SLUG, locale=Locale.get_default()
    )
    chinese = paper.get_translation(Locale.objects.get(language_code="zh-hans"))
    date = paper.publication_date
    html = client.get(chinese.url).content.decode()
    assert f"{date.year}年{date.month}月{date.day}日</time>" in html


@pytest.mark.parametrize("language_code", ["fr", "es", "ar", "zh-hans"])
def test_demo_home_page_is_written_in(client, demo, language_code):
    english = HomePage.objects.get(depth=2, locale=Locale.get_default())
    words = HOME[language_code]
    home = english.get_translation(Locale.objects.get(language_code=language_code))
    assert home.live and not home.alias_of_id
    assert (home.title, home.heading) == (words["title"], words["heading"])
    response = client.get(f"/{language_code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language_code}"' in html_tag(html)
    assert escape(words["heading"]) in html and escape(words["signup"][0]) in html
    assert HOME["en"]["heading"] not in html
    if "latest" in words:  # the library's papers in this language
        assert escape(demo_zh.PAPER["title"]) in html
    assert HOME["en"]["signup"][0] not in html


def test_demo_load_keeps_what_editors_made_of_the_translations(demo):
    arabic, spanish, chinese = (
        Locale.objects.get(language_code=code) for code in ("ar", "es", "zh-hans")
    )
    campaign_es = demo.get_translation(spanish).specific
    campaign_es.strapline = "Editado por una editora."
    campaign_es.save_revision().publish()
    index_ar = demo.get_parent().get_translation(arabic).specific
    index_ar.title = "حملاتنا"
    index_ar.save_revision().publish()
    # The Arabic campaign deleted on purpose: made again, under the index as
    # the editor titled it.
    demo.get_translation(arabic).delete()
    paper_zh = ResourcePage.objects.get(slug=demo_zh.PAPER_SLUG, locale=chinese)
    paper_zh.summary = "编辑修改过的摘要。"
    paper_zh.save_revision()  # a draft, not published
    home_zh = HomePage.objects.get(locale=chinese)
    home_zh.heading = "编辑写的标题"
    home_zh.save_revision().publish()
    figure_ar = KeyFigure.objects.get(figure="709", locale=arabic)
    figure_ar.label = "حالة، كما صاغها المحرر"
    figure_ar.save()
    revisions = {page.pk: page.revisions.count() for page in Page.objects.all()}

    call_command("load_demo_content", verbosity=0)

    assert CampaignPage.objects.get(pk=campaign_es.pk).strapline == (
        "Editado por una editora."
    )
    index_ar = CampaignIndexPage.objects.get(pk=index_ar.pk)
    assert index_ar.title == "حملاتنا"
    remade = demo.get_translation(arabic)
    assert remade.live and remade.get_parent().pk == index_ar.pk
    paper_zh = ResourcePage.objects.get(pk=paper_zh.pk)
    assert paper_zh.summary == demo_zh.PAPER["summary"]  # the live one
    assert paper_zh.get_latest_revision_as_object().summary == "编辑修改过的摘要。"
    assert HomePage.objects.get(pk=home_zh.pk).heading == "编辑写的标题"
    assert KeyFigure.objects.get(pk=figure_ar.pk).label == "حالة، كما صاغها المحرر"
    # Nothing an editor had was revised or republished.
    after = {page.pk: page.revisions.count() for page in Page.objects.all()}
    assert {pk: after[pk] for pk in revisions} == revisions
