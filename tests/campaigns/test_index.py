"""The campaign listing: live campaigns only, running ones first."""

import datetime

from campaigns.models import CampaignPage
from tests import factories
from tests.campaigns.builders import make_campaign, make_campaign_index


def test_listing_orders_active_then_outcomes_and_hides_drafts(client, home_page):
    index = make_campaign_index(home_page)
    make_campaign(
        index,
        title="Older win",
        hashtag="#OlderWin",
        status=CampaignPage.Status.WON,
        outcome_date=datetime.date(2019, 5, 1),
        outcome_text="Won.",
    )
    make_campaign(index, title="Running", hashtag="#Running")
    make_campaign(
        index,
        title="Recent win",
        hashtag="#RecentWin",
        status=CampaignPage.Status.WON,
        outcome_date=datetime.date(2022, 5, 1),
        outcome_text="Won.",
        hero_image=factories.make_image(),
    )
    draft = make_campaign(index, title="Draft", hashtag="#Draft")
    draft.unpublish()

    html = client.get(index.url).content.decode()
    assert html.index("#Running") < html.index("#RecentWin") < html.index("#OlderWin")
    assert "#Draft" not in html
    card = html[html.index("#RecentWin") - 1500 : html.index("#RecentWin") + 400]
    assert 'alt=""' in card and "Recent win" in card
    assert "Nobody should be punished for talking to the UN." in card  # strapline
    assert "badge--won" in card
