"""The whole editorial journey: a member of "Communications staff" builds and
submits a campaign page; a "Moderators" member previews and publishes it; the
published page carries correct search and sharing metadata."""

import json
import re

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "campaigns.CampaignPage" not in {m._meta.label for m in apps.get_models()},
        reason="campaigns app has no CampaignPage",
    ),
]


def test_staff_builds_and_submits_a_campaign_moderator_publishes(
    home_page, staff_user, moderator
):
    from campaigns.models import CampaignPage
    from tests.campaigns.builders import make_campaign_index

    index = make_campaign_index(home_page)
    staff = Client()
    staff.force_login(staff_user)

    # Staff build the page and submit it for moderation.
    form = nested_form_data(
        {
            "title": "Free the Geneva Three",
            "slug": "free-the-geneva-three",
            "hashtag": "#FreeTheGenevaThree",
            "strapline": "Three defenders jailed for speaking to the UN.",
            "status": "active",
            "hero_action": "signup",
            "outcome_text": "",
            "outcome_link": "",
            "body": streamfield(
                [
                    ("heading", {"text": "What happened", "level": "h2", "anchor": ""}),
                    ("text", rich_text("<p>They testified in Geneva.</p>")),
                ]
            ),
            "search_description": "",
            "listing_summary": "",
            "social_text": "",
            "action-submit": "submit",
        }
    )
    response = staff.post(
        reverse("wagtailadmin_pages:add", args=("campaigns", "campaignpage", index.pk)),
        form,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = CampaignPage.objects.get(slug="free-the-geneva-three")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    task_state = state.current_task_state

    # The moderator sees it awaiting review, previews it, and approves it.
    moderator_client = Client()
    moderator_client.force_login(moderator)
    dashboard = moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Free the Geneva Three" in dashboard
    preview = moderator_client.get(
        reverse(
            "wagtailadmin_pages:workflow_preview", args=(page.pk, task_state.task_id)
        )
    )
    assert preview.status_code == 200
    assert "They testified in Geneva." in preview.content.decode()
    moderator_client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page.pk, "approve", task_state.pk),
        ),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert page.live

    # The public page: title, description from the strapline, canonical,
    # sharing tags and JSON-LD, and no cookie.
    public = Client().get(page.url)
    assert public.status_code == 200
    assert not public.cookies
    html = public.content.decode()
    assert "<title>Free the Geneva Three | " in html
    strapline = "Three defenders jailed for speaking to the UN."
    assert f'<meta name="description" content="{strapline}">' in html
    canonical = "http://testserver/campaigns/free-the-geneva-three/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:title" content="Free the Geneva Three">' in html
    [data] = [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL
        )
        # The page itself; its BreadcrumbList is a block of its own.
        if json.loads(block)["@type"] != "BreadcrumbList"
    ]
    assert data["url"] == canonical
    assert data["description"] == strapline
