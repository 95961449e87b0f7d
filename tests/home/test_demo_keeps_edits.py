"""`make run` loads the demo on every start: what editors changed stays."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from campaigns.models import CampaignPage, KeyFigure
from core.models import SiteSettings
from home.models import HomePage, StandardPage
from newsletter.models import MailingList

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo_content", verbosity=0)


def test_a_second_load_keeps_published_edits_drafts_and_unpublished_pages():
    load_demo()
    campaign = CampaignPage.objects.get(
        slug="end-reprisals", locale__language_code="en"
    )
    campaign.strapline = "Edited and published by an editor."
    campaign.save_revision().publish()
    about = StandardPage.objects.get(slug="about")
    about.title = "Who we are (draft)"
    about.save_revision()
    privacy = StandardPage.objects.get(slug="privacy")
    privacy.unpublish()
    figure = KeyFigure.objects.get(figure="709", locale__language_code="en")
    figure.label = "cases, as the editor worded it"
    figure.save()
    mailing_list = MailingList.objects.order_by("pk").first()
    mailing_list.active = False
    mailing_list.save()
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    home.body = []
    home.save_revision().publish()
    settings = SiteSettings.objects.get()
    settings.footer_text = "Our own footer."
    settings.save()
    revisions = {page.pk: page.revisions.count() for page in Page.objects.all()}

    load_demo()

    campaign = CampaignPage.objects.get(pk=campaign.pk)
    assert campaign.strapline == "Edited and published by an editor."
    assert campaign.live and not campaign.has_unpublished_changes
    about = StandardPage.objects.get(pk=about.pk)
    assert about.has_unpublished_changes
    assert about.get_latest_revision_as_object().title == "Who we are (draft)"
    assert not StandardPage.objects.get(pk=privacy.pk).live
    assert KeyFigure.objects.get(pk=figure.pk).label == "cases, as the editor worded it"
    assert not MailingList.objects.get(pk=mailing_list.pk).active
    assert len(HomePage.objects.get(pk=home.pk).body) == 0
    assert SiteSettings.objects.get().footer_text == "Our own footer."
    # Nothing was republished or revised behind the editors' backs.
    assert {page.pk: page.revisions.count() for page in Page.objects.all()} == revisions
