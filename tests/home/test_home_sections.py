"""The home page features a campaign and shows the sections editors add."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import CampaignPage
from tests.campaigns.builders import make_campaign, make_campaign_index
from tests.resources.conftest import make_library, make_resource


def latest_resources_section(count=3):
    return (
        "resource_listing",
        {
            "mode": "latest",
            "heading": "Latest papers",
            "intro": "",
            "items": [],
            "tag": "",
            "resource_type": "",
            "count": count,
        },
    )


@pytest.mark.django_db
def test_home_features_the_chosen_campaign(client, home_page):
    index = make_campaign_index(home_page)
    chosen = make_campaign(index, title="End reprisals", status="won")
    make_campaign(index, title="Free the defenders", status="active")
    home_page.featured_campaign = chosen
    home_page.save_revision().publish()

    response = client.get("/")
    assert b"Featured campaign" in response.content
    assert b'href="/campaigns/end-reprisals/"' in response.content


@pytest.mark.django_db
def test_home_falls_back_to_the_newest_active_campaign(client, home_page):
    index = make_campaign_index(home_page)
    make_campaign(index, title="Old win", status=CampaignPage.Status.WON)
    make_campaign(index, title="Free the defenders", status="active")

    response = client.get("/")
    assert b'href="/campaigns/free-the-defenders/"' in response.content
    assert b"Old win" not in response.content


@pytest.mark.django_db
def test_home_without_campaigns_still_reads_well(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Featured campaign" not in response.content


@pytest.mark.django_db
def test_home_lists_the_latest_resources_in_constant_queries(client, home_page):
    library = make_library(home_page)
    home_page.body = [latest_resources_section()]
    home_page.save_revision().publish()
    make_resource(library, title="First paper")
    client.get("/")  # warm the per-process caches (site root paths)

    with CaptureQueriesContext(connection) as few:
        response = client.get("/")
    assert b"First paper" in response.content
    # Counted now: the next request empties the connection's query log.
    queries_with_one_resource = len(few)

    for number in range(8):
        make_resource(library, title=f"Paper {number}")
    client.get("/")  # publishing emptied the cached menu and footer
    with CaptureQueriesContext(connection) as many:
        response = client.get("/")
    assert response.content.count(b"resource-card") >= 3
    assert len(many) == queries_with_one_resource
