"""Drafts that autosave (or a forgotten "Save draft") left behind are listed on
the dashboard, until they are published, submitted, scheduled or deleted."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.drafts import unsubmitted_drafts
from home.models import StandardPage
from tests.factories import make_standard_page

pytestmark = pytest.mark.django_db


def dashboard(user):
    client = Client()
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def abandoned_new_page(parent, user):
    """What autosave leaves when an editor starts a page and walks away."""
    page = StandardPage(title="Half-written page", slug="half", live=False)
    parent.add_child(instance=page)
    page.save_revision(user=user)
    return page


def test_an_abandoned_draft_is_listed_on_the_dashboard(home_page, staff_user):
    abandoned_new_page(home_page, staff_user)
    live = make_standard_page(home_page, title="Live page", slug="live")
    live.title = "Live page, edited"
    live.save_revision(user=staff_user)

    html = dashboard(staff_user)

    panel = html[html.index("Drafts nobody has submitted") :]
    assert "Half-written page" in panel and "never published" in panel
    assert "Live page, edited" in panel
    assert "live, with unpublished changes" in panel


def test_submitted_scheduled_or_published_drafts_are_not_listed(
    home_page, staff_user, moderator
):
    submitted = abandoned_new_page(home_page, staff_user)
    submitted.get_workflow().start(submitted, staff_user)
    scheduled = make_standard_page(home_page, title="Launch", slug="launch")
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision(user=moderator).publish(user=moderator)
    make_standard_page(home_page, title="Published", slug="published")

    assert list(unsubmitted_drafts(moderator)) == []
    assert "Drafts nobody has submitted" not in dashboard(moderator)
