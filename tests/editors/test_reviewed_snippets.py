"""Key figures and mailing lists reach readers only through review: a staff
edit waits in a draft until a moderator approves it, and staff cannot publish."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from campaigns.models import KeyFigure
from newsletter.models import MailingList
from tests.campaigns.builders import (
    key_numbers,
    make_campaign,
    make_campaign_index,
    make_key_figure,
)

pytestmark = pytest.mark.django_db


def figure_form(key_figure, **changes):
    data = {
        "figure": key_figure.figure,
        "label": key_figure.label,
        "period": key_figure.period,
        "as_of": key_figure.as_of.isoformat(),
        "source_title": key_figure.source_title,
        "source_url": key_figure.source_url,
        "source_document": "",
    }
    return {**data, **changes}


@pytest.fixture
def campaign_with_figure(home_page):
    figure = make_key_figure()
    page = make_campaign(make_campaign_index(home_page), body=[key_numbers([figure])])
    return page, figure


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_staff_edit_to_a_figure_waits_for_a_moderator(
    campaign_with_figure, staff_user, moderator
):
    page, figure = campaign_with_figure
    edit_url = reverse("wagtailsnippets_campaigns_keyfigure:edit", args=(figure.pk,))
    staff = client_for(staff_user)

    # Staff cannot publish: the publish button is ignored, the edit is a draft.
    staff.post(
        edit_url, {**figure_form(figure, figure="999,999"), "action-publish": "1"}
    )
    response = staff.post(
        edit_url, {**figure_form(figure, figure="999,999"), "action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert KeyFigure.objects.get(pk=figure.pk).figure == "709"
    html = Client().get(page.url).content.decode()
    assert "999,999" not in html and ">709<" in html

    # The moderator approves: now readers see it.
    state = WorkflowState.objects.get(object_id=str(figure.pk), status="in_progress")
    client_for(moderator).post(
        reverse(
            "wagtailsnippets_campaigns_keyfigure:workflow_action",
            args=(figure.pk, "approve", state.current_task_state.pk),
        ),
        {"comment": ""},
    )
    assert KeyFigure.objects.get(pk=figure.pk).figure == "999,999"
    assert "999,999" in Client().get(page.url).content.decode()


def test_an_unpublished_figure_is_not_shown(campaign_with_figure):
    page, figure = campaign_with_figure
    figure.unpublish()
    assert ">709<" not in Client().get(page.url).content.decode()


def test_unticking_active_on_a_list_is_a_draft_until_published(home_page, staff_user):
    mailing_list = MailingList.objects.create(name="Updates", description="Monthly.")
    staff = client_for(staff_user)
    response = staff.post(
        reverse("wagtailsnippets_newsletter_mailinglist:edit", args=(mailing_list.pk,)),
        {"name": "Updates", "description": "Monthly.", "action-publish": "1"},
    )
    assert response.status_code in (200, 302)
    mailing_list.refresh_from_db()
    assert mailing_list.active and mailing_list.live
    assert mailing_list.has_unpublished_changes
