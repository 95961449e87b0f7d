"""An autosave racing a click on the "add page" form creates one page.

The first autosave of a new page creates it; a "Submit" or "Publish" posted
to the same "add" form before the browser has switched to the edit form used
to create it a second time and fail with a 500. Now the second POST waits for
the first (the parent's row is locked) and then acts on the page the first
created (core.moderation.serialise_creates).
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.moderation import TWIN_WINDOW
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk))


def form(slug="our-position", **actions):
    return {
        "title": "Our position",
        "slug": slug,
        "summary": "Who we are.",
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **actions,
    }


def autosave(client, parent, **fields):
    """What Wagtail's autosave posts: the form, asking for JSON."""
    return client.post(add_url(parent), form(**fields), HTTP_ACCEPT="application/json")


def test_a_publish_right_after_the_first_autosave_publishes_that_page(
    admin_client, home_page
):
    first = autosave(admin_client, home_page)
    assert first.status_code == 200 and first.json()["success"]
    response = admin_client.post(
        add_url(home_page), form(**{"action-publish": "action-publish"})
    )
    assert response.status_code in (200, 302)
    pages = StandardPage.objects.child_of(home_page).filter(slug="our-position")
    assert pages.count() == 1
    assert pages.get().live
    assert pages.get().pk == first.json()["pk"]


def test_an_autosave_that_arrives_after_the_publish_changes_nothing(
    admin_client, home_page
):
    admin_client.post(add_url(home_page), form(**{"action-publish": "1"}))
    late = autosave(admin_client, home_page)
    # The published page is no twin: Wagtail's own answer, a client error (the
    # browser has left the form by then), not a 500 and not a second page.
    assert late.status_code == 400
    assert late.json()["success"] is False
    page = StandardPage.objects.child_of(home_page).get()
    assert page.live and not page.has_unpublished_changes


def test_a_second_autosave_before_the_switch_saves_a_revision_of_the_first(
    admin_client, home_page
):
    first = autosave(admin_client, home_page)
    second = autosave(admin_client, home_page)
    assert second.status_code == 200 and second.json()["success"]
    page = StandardPage.objects.child_of(home_page).get()
    assert page.pk == first.json()["pk"]
    assert page.revisions.count() == 2


def test_an_older_draft_with_the_slug_is_not_taken_over(admin_client, home_page):
    autosave(admin_client, home_page)
    StandardPage.objects.filter(slug="our-position").update(
        latest_revision_created_at=timezone.now() - TWIN_WINDOW * 2
    )
    response = admin_client.post(add_url(home_page), form(**{"action-publish": "1"}))
    # The usual answer: the slug is in use; nothing is created or published.
    assert response.status_code == 200
    assert "in use" in response.content.decode()
    page = StandardPage.objects.child_of(home_page).get()
    assert not page.live


def test_another_users_draft_is_not_taken_over(
    admin_client, client, home_page, django_user_model
):
    autosave(admin_client, home_page)
    other = django_user_model.objects.create_superuser("other", "o@example.org", "x")
    client.force_login(other)
    response = client.post(add_url(home_page), form(**{"action-publish": "1"}))
    assert response.status_code == 200
    assert "in use" in response.content.decode()
    assert not StandardPage.objects.child_of(home_page).get().live
