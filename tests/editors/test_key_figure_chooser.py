"""A key figure can be created from inside the chooser, and is reviewed like
any other: a staff user's waits for a moderator, a moderator's is live."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from campaigns.models import KeyFigure

pytestmark = pytest.mark.django_db

NEW_FIGURE = {
    "figure": "42",
    "label": "defenders met the committee",
    "period": "2024",
    "as_of": "2024-05-01",
    "source_title": "Committee minutes",
    "source_url": "https://example.org/minutes",
}


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def chooser_url(name):
    return reverse(f"wagtailsnippetchoosers_campaigns_keyfigure:{name}")


def test_the_chooser_offers_a_creation_form(staff_user):
    response = client_for(staff_user).get(chooser_url("choose"))
    html = json.loads(response.content)["html"]
    assert "New key figure" in html
    assert 'name="source_title"' in html
    assert "Create key figure" in html


def test_a_staff_figure_created_in_the_chooser_waits_for_review(staff_user):
    response = client_for(staff_user).post(chooser_url("create"), NEW_FIGURE)
    data = json.loads(response.content)
    assert data["step"] == "chosen", data
    figure = KeyFigure.objects.get(pk=data["result"]["id"])
    assert not figure.live
    assert WorkflowState.objects.filter(
        object_id=str(figure.pk), status="in_progress"
    ).exists()


def test_a_moderator_figure_created_in_the_chooser_is_live(moderator):
    response = client_for(moderator).post(chooser_url("create"), NEW_FIGURE)
    figure = KeyFigure.objects.get(pk=json.loads(response.content)["result"]["id"])
    assert figure.live
    assert figure.latest_revision is not None


def test_the_chooser_refuses_a_figure_without_source(staff_user):
    response = client_for(staff_user).post(
        chooser_url("create"), {**NEW_FIGURE, "source_url": ""}
    )
    assert json.loads(response.content)["step"] == "reshow_creation_form"
    assert not KeyFigure.objects.filter(figure="42").exists()
