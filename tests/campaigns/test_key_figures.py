"""Key figures: sourced, shared between pages, flagged when old, cheap to show."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model

from campaigns.models import KeyFigure
from core.serving.page_cache import clear_page_cache
from tests import factories
from tests.campaigns.builders import (
    key_numbers,
    make_campaign,
    make_campaign_index,
    make_key_figure,
    video,
)

LONG_AGO = datetime.date(2015, 1, 1)


@pytest.fixture
def index(home_page):
    return make_campaign_index(home_page)


def make_document(title="Report"):
    from django.core.files.base import ContentFile

    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name="report.pdf")
    )


def test_a_figure_without_a_source_is_invalid(db):
    figure = KeyFigure(figure="709", label="cases", as_of=datetime.date(2021, 9, 1))
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert set(error.value.message_dict) >= {"source_title", "source_url"}


def test_the_database_refuses_an_unsourced_figure_too(db):
    with pytest.raises(IntegrityError):
        KeyFigure.objects.create(
            figure="709", label="cases", as_of=datetime.date(2021, 9, 1)
        )


def test_a_document_can_be_the_source(db):
    figure = make_key_figure(source_document=make_document(), source_url="")
    figure.full_clean()
    assert figure.source_href == figure.source_document.url


class TestAdmin:
    add_url = reverse("wagtailsnippets_campaigns_keyfigure:add") + "?locale=en"

    def post_figure(self, client, **fields):
        data = {
            "figure": "31%",
            "label": "of cases come from one region",
            "period": "",
            "as_of": "2021-09-01",
            "source_title": "The report",
            "source_url": "https://example.org/report",
            "source_document": "",
            # Figures are reviewed: what readers see is what is published,
            # and publishing checks every field (a draft may be unfinished).
            "action-publish": "action-publish",
        }
        data.update(fields)
        return client.post(self.add_url, data)

    def test_a_sourced_figure_is_saved(self, admin_client, home_page):
        response = self.post_figure(admin_client)
        assert response.status_code == 302
        assert KeyFigure.objects.get().figure == "31%"

    @pytest.mark.parametrize(
        ("fields", "field_with_error"),
        [
            ({"label": ""}, "label"),
            ({"source_title": "", "source_url": ""}, "source_title"),
            ({"source_url": ""}, "source_url"),
        ],
    )
    def test_missing_label_or_source_is_refused(
        self, admin_client, home_page, fields, field_with_error
    ):
        response = self.post_figure(admin_client, **fields)
        assert response.status_code == 200
        assert field_with_error in response.context["form"].errors
        assert not KeyFigure.objects.exists()

    def test_the_message_says_what_to_do(self, admin_client, home_page):
        response = self.post_figure(admin_client, source_url="")
        assert "Add a link to the source" in response.content.decode()

    def test_listing_flags_old_figures_and_filters_them(self, admin_client, home_page):
        make_key_figure(figure="709", as_of=LONG_AGO)
        make_key_figure(figure="12%")
        list_url = reverse("wagtailsnippets_campaigns_keyfigure:list")
        page = admin_client.get(list_url).content.decode()
        assert "Out of date" in page and "Current" in page

        stale = admin_client.get(list_url, {"stale": "true"})
        assert [f.figure for f in stale.context["object_list"]] == ["709"]
        fresh = admin_client.get(list_url, {"stale": "false"})
        assert [f.figure for f in fresh.context["object_list"]] == ["12%"]

    def test_edit_form_warns_on_an_old_figure_only(self, admin_client, home_page):
        old = make_key_figure(as_of=LONG_AGO)
        new = make_key_figure(figure="12%")
        edit = "wagtailsnippets_campaigns_keyfigure:edit"
        warning = "more than 3 years ago"
        assert (
            warning in admin_client.get(reverse(edit, args=[old.pk])).content.decode()
        )
        assert (
            warning
            not in admin_client.get(reverse(edit, args=[new.pk])).content.decode()
        )

    def test_usage_lists_the_pages_showing_a_figure(
        self, admin_client, home_page, index
    ):
        figure = make_key_figure()
        make_campaign(index, title="First", body=[key_numbers([figure])])
        make_campaign(index, title="Second", body=[key_numbers([figure])])
        usage = admin_client.get(
            reverse("wagtailsnippets_campaigns_keyfigure:usage", args=[figure.pk])
        ).content.decode()
        assert "First" in usage and "Second" in usage
        listing = admin_client.get(
            reverse("wagtailsnippets_campaigns_keyfigure:list")
        ).content.decode()
        assert "Used 2 times" in listing


def test_editing_a_figure_once_changes_every_page_showing_it(
    admin_client, client, index
):
    figure = make_key_figure(figure="709")
    pages = [
        make_campaign(index, title=title, body=[key_numbers([figure])])
        for title in ("First", "Second")
    ]
    response = admin_client.post(
        reverse("wagtailsnippets_campaigns_keyfigure:edit", args=[figure.pk]),
        {
            "figure": "812",
            "label": "cases by the end of 2024",
            "period": "2010-2024",
            "as_of": "2025-01-31",
            "source_title": "The new report",
            "source_url": "https://example.org/new",
            "source_document": "",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302
    client.logout()
    for page in pages:
        html = client.get(page.url).content.decode()
        assert "812" in html and "cases by the end of 2024" in html
        assert "709" not in html


def test_each_figure_shows_as_one_statement_with_its_source(client, index):
    figure = make_key_figure(
        figure="31%", label="from one region", source_title="The report"
    )
    page = make_campaign(index, body=[key_numbers([figure])])
    html = client.get(page.url).content.decode()
    assert (
        '<p class="key-figure__statement"><strong class="key-figure__value">31%'
        '</strong> <span class="key-figure__label">from one region</span></p>'
    ) in html
    assert '<a href="https://example.org/report">The report</a>' in html


def queries_to_render(client, url):
    client.get(url)  # warm caches (site root paths, renditions made once)
    # As after a publish: the page's body is not kept yet, its blocks are
    # decoded and rendered (core/templatetags/fragment_tags.py).
    clear_page_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_render_queries_do_not_grow_with_blocks_or_figures(client, index):
    document = make_document()
    figures = [
        make_key_figure(
            figure=f"{n}%",
            # Half the figures cite a document: its URL must not cost a query.
            source_document=document if n % 2 else None,
            source_url="" if n % 2 else "https://example.org/",
        )
        for n in range(12)
    ]
    posters = [factories.make_image(title=f"Poster {n}") for n in range(3)]
    small = make_campaign(
        index,
        title="Small",
        body=[key_numbers(figures[:2]), video(posters[0])],
    )
    large = make_campaign(
        index,
        title="Large",
        body=[
            key_numbers(figures[:6]),
            video(posters[0]),
            key_numbers(figures[6:]),
            video(posters[1]),
            video(posters[2]),
        ],
    )
    small_count = queries_to_render(client, small.url)
    large_count = queries_to_render(client, large.url)
    assert large_count == small_count
    assert "11%" in client.get(large.url).content.decode()


def test_index_queries_do_not_grow_with_campaigns(client, index):
    make_campaign(index, title="One", hero_image=factories.make_image())
    few = queries_to_render(client, index.url)
    for n in range(4):
        make_campaign(
            index, title=f"More {n}", hero_image=factories.make_image(f"Hero {n}")
        )
    assert queries_to_render(client, index.url) == few


def test_a_key_numbers_block_holds_one_to_six_figures(db):
    from campaigns.blocks import KeyNumbersBlock

    block = KeyNumbersBlock()
    figures = [make_key_figure(figure=f"{n}") for n in range(7)]
    for count in (0, 7):
        value = block.to_python(
            {
                "heading": "Numbers",
                "intro": "",
                "figures": [f.pk for f in figures[:count]],
            }
        )
        with pytest.raises(ValidationError):
            block.clean(value)
    six = block.to_python(
        {"heading": "Numbers", "intro": "", "figures": [f.pk for f in figures[:6]]}
    )
    assert list(block.clean(six)["figures"]) == figures[:6]


def test_editors_find_figures_by_words_in_listing_and_chooser(admin_client, home_page):
    make_key_figure(figure="709", label="cases of reprisals")
    make_key_figure(figure="31%", label="from one region")
    listing = admin_client.get(
        reverse("wagtailsnippets_campaigns_keyfigure:list"), {"q": "region"}
    )
    assert [f.figure for f in listing.context["object_list"]] == ["31%"]
    chooser = admin_client.get(
        reverse("wagtailsnippetchoosers_campaigns_keyfigure:choose_results"),
        {"q": "reprisals"},
    )
    assert chooser.status_code == 200
    assert "709" in chooser.content.decode()
    assert "31%" not in chooser.content.decode()
