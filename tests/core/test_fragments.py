"""A page's body kept until content changes (core/templatetags/fragment_tags.py):
rendered once, shown until something is published or saved, never in a
preview, and kept apart per host and language."""

import pytest
from django.conf import settings
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.serving import request_memo
from tests.campaigns.builders import (
    key_numbers,
    make_campaign,
    make_campaign_index,
    make_key_figure,
)

pytestmark = pytest.mark.django_db

ONION = "campaignsxyzabcdefghijklmnopqrstuvwxyz234567abcdefghijklmn.onion"


@pytest.fixture
def campaign(home_page):
    figure = make_key_figure(figure="709")
    index = make_campaign_index(home_page)
    return make_campaign(index, body=[key_numbers([figure])]), figure


def render_counting(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_body_is_rendered_once_then_kept(client, campaign):
    page, _figure = campaign
    first, first_queries = render_counting(client, page.url)
    kept, kept_queries = render_counting(client, page.url)
    assert kept == first
    # The key figures, the images and the links are not looked up again.
    assert kept_queries < first_queries


def test_a_change_anywhere_in_content_shows_at_once(admin_client, campaign):
    page, figure = campaign
    assert "709" in Client().get(page.url).content.decode()
    # The figure is a snippet of its own, published on its own.
    response = admin_client.post(
        reverse("wagtailsnippets_campaigns_keyfigure:edit", args=[figure.pk]),
        {
            "figure": "812",
            "label": figure.label,
            "period": "",
            "as_of": figure.as_of.isoformat(),
            "source_title": figure.source_title,
            "source_url": figure.source_url,
            "source_document": "",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302
    html = Client().get(page.url).content.decode()
    assert "812" in html and "709" not in html


def test_each_host_gets_its_own_links(home_page, campaign):
    page, _figure = campaign
    with override_settings(
        ONION_HOST=ONION, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, ONION]
    ):
        public = Client().get(page.url).content.decode()
        onion = Client(HTTP_HOST=ONION).get(page.url).content.decode()
    assert ONION not in public
    assert f"http://{ONION}{page.url}" in onion


def kept_render(request, text):
    template = Template(
        "{% load fragment_tags %}{% kept_until_content_changes 'test' %}"
        "{{ text }}{% endkept %}"
    )
    return template.render(Context({"request": request, "text": text}))


def test_a_preview_is_never_kept_nor_shown_what_was(db):
    request_memo.start({"PATH_INFO": "/"})
    try:
        public = RequestFactory().get("/")
        assert kept_render(public, "published") == "published"
        assert kept_render(public, "changed") == "published"  # kept
        preview = RequestFactory().get("/")
        preview.is_preview = True
        assert kept_render(preview, "draft") == "draft"
    finally:
        request_memo.finish()
    # Outside a public request (a command, a task): rendered every time.
    assert kept_render(RequestFactory().get("/"), "fresh") == "fresh"


def test_the_tag_needs_a_name():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template(
            "{% load fragment_tags %}{% kept_until_content_changes %}{% endkept %}"
        )


def test_a_kept_card_still_shows_where_each_search_found_its_words(client, home_page):
    import datetime

    from tests.resources.conftest import make_library, make_resource

    library = make_library(home_page)
    make_resource(
        library,
        title="Annual report",
        publication_date=datetime.date(2024, 1, 1),
        summary="Travel bans after the sessions in Geneva.",
    )
    geneva = client.get("/resources/?q=geneva").content.decode()
    travel = client.get("/resources/?q=travel").content.decode()
    assert "<mark>Geneva</mark>" in geneva and "<mark>Travel</mark>" not in geneva
    assert "<mark>Travel</mark>" in travel and "<mark>Geneva</mark>" not in travel
