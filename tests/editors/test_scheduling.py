"""Go-live and expiry dates work on every page type; revisions are kept."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, get_page_models

from home.models import StandardPage
from tests.factories import make_standard_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [model for model in get_page_models() if model is not Page],
    ids=lambda model: model._meta.label,
)
def test_every_page_type_offers_go_live_and_expiry_dates(model):
    form_class = model.get_edit_handler().get_form_class()
    assert "go_live_at" in form_class.base_fields
    assert "expire_at" in form_class.base_fields


def test_a_scheduled_page_goes_live_then_expires(home_page):
    now = timezone.now()
    page = StandardPage(
        title="Annual report launch",
        slug="launch",
        summary="",
        go_live_at=now + datetime.timedelta(days=2),
        expire_at=now + datetime.timedelta(days=30),
    )
    home_page.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    assert Client().get("/launch/").status_code == 404

    # Two days later (moved back in time rather than waiting)...
    past = now - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
    assert Client().get("/launch/").status_code == 200

    # ...and after the expiry date.
    Page.objects.filter(pk=page.pk).update(expire_at=now - datetime.timedelta(days=1))
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live
    assert page.expired


def test_every_save_keeps_a_revision_to_go_back_to(home_page):
    page = make_standard_page(home_page, title="First title")
    page.title = "Second title"
    page.save_revision().publish()
    first = page.revisions.order_by("created_at").first()
    assert first.as_object().title == "First title"
    first.publish()
    page.refresh_from_db()
    assert page.title == "First title"
