"""A moderator reviewing a page or a snippet sees "Approve and publish" as the
default action, and no plain "Publish" beside it that would bypass the review."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.campaigns.builders import make_key_figure
from tests.factories import make_standard_page

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def submit_for_review(obj, user):
    obj.save_revision(user=user)
    obj.get_workflow().start(obj, user)


def edit_page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_in_review_offers_approval_first(home_page, staff_user, moderator):
    page = make_standard_page(home_page, title="Position", slug="position")
    submit_for_review(page, staff_user)
    html = edit_page_html(
        client_for(moderator), reverse("wagtailadmin_pages:edit", args=(page.pk,))
    )
    assert_review_first(html)


def test_a_key_figure_in_review_offers_approval_first(staff_user, moderator):
    figure = make_key_figure()
    submit_for_review(figure, staff_user)
    html = edit_page_html(
        client_for(moderator),
        reverse("wagtailsnippets_campaigns_keyfigure:edit", args=(figure.pk,)),
    )
    assert_review_first(html)


def test_a_page_not_in_review_keeps_publish(home_page, moderator):
    page = make_standard_page(home_page, title="Position", slug="position")
    html = edit_page_html(
        client_for(moderator), reverse("wagtailadmin_pages:edit", args=(page.pk,))
    )
    assert 'name="action-publish"' in html


def assert_review_first(html):
    footer = html[html.index("<footer") :]
    first_button = re.search(r"<button[^>]*>.*?</button>", footer, flags=re.S)
    assert first_button and 'data-workflow-action-name="approve"' in (
        first_button.group(0)
    ), first_button and first_button.group(0)
    assert 'name="action-publish"' not in footer
    assert "Approve with comment" in footer
