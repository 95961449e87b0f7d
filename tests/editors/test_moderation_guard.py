"""Approval is idempotent: a second "Approve and publish" on a review that has
ended changes nothing and says why, and the page stays as the first left it."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from home.models import StandardPage
from tests.factories import make_standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_page(home_page, staff_user):
    page = make_standard_page(home_page, title="Our position", slug="position")
    page.title = "Our new position"
    page.save_revision(user=staff_user)
    workflow = page.get_workflow()
    workflow.start(page, staff_user)
    return StandardPage.objects.get(pk=page.pk)


def approve_in_editor(client, page):
    """The footer's "Approve and publish": the whole edit form is posted."""
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    return client.post(
        edit_url,
        {
            "title": "Our new position",
            "slug": "position",
            "summary": "Who we are.",
            "body-count": "0",
            "body-TOTAL_FORMS": "0",
            "body-INITIAL_FORMS": "0",
            "body-MIN_NUM_FORMS": "0",
            "body-MAX_NUM_FORMS": "1000",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{}",
        },
    )


def message_texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_second_approval_in_the_modal_changes_nothing(submitted_page, moderator):
    client = Client()
    client.force_login(moderator)
    task_state = WorkflowState.objects.get(
        object_id=str(submitted_page.pk), status="in_progress"
    ).current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(submitted_page.pk, "approve", task_state.pk),
    )
    first = client.post(url, {"comment": ""})
    assert first.status_code == 302
    submitted_page.refresh_from_db()
    assert submitted_page.live
    assert submitted_page.title == "Our new position"
    revisions = submitted_page.revisions.count()

    second = client.post(url, {"comment": ""})

    assert second.status_code == 302
    assert any("Nothing was done" in text for text in message_texts(second))
    submitted_page.refresh_from_db()
    assert submitted_page.live
    assert submitted_page.revisions.count() == revisions


def test_a_second_approval_from_the_editor_changes_nothing(submitted_page, moderator):
    client = Client()
    client.force_login(moderator)
    first = approve_in_editor(client, submitted_page)
    assert first.status_code == 302, first.content.decode()[:2000]
    submitted_page.refresh_from_db()
    assert submitted_page.live
    revisions = submitted_page.revisions.count()

    second = approve_in_editor(client, submitted_page)

    assert second.status_code == 302
    assert any("Nothing was done" in text for text in message_texts(second))
    submitted_page.refresh_from_db()
    assert submitted_page.live
    assert submitted_page.title == "Our new position"
    assert submitted_page.revisions.count() == revisions
    assert not WorkflowState.objects.filter(
        object_id=str(submitted_page.pk), status="in_progress"
    ).exists()
