"""The campaign's first screen carries the campaign (issue 14): hashtag,
title, strapline and the primary action all inside the viewport, on a 412 px
phone and a 1366 px desktop, in every language the campaign is written in
(Arabic runs longer than English, with taller lines)."""

import pytest

FIRST_SCREENS = {"phone": (412, 915), "desktop": (1366, 768)}
PARTS = {
    "hashtag": ".campaign-hero__hashtag",
    "title": ".campaign-hero h1",
    "strapline": ".campaign-hero__strapline",
    "action": ".campaign-hero__action :is(button, a.button)",
}


def campaign_pages(live_site):
    return [
        page
        for page in live_site.pages + live_site.language_pages
        if page["name"] == "campaign" and page["written_in_language"]
    ]


def below_the_first_screen(page, height):
    """The hero parts whose bottom edge is below the viewport, or missing."""
    found = {}
    for part, selector in PARTS.items():
        box = page.locator(selector).first.bounding_box()
        if box is None or box["y"] + box["height"] > height:
            found[part] = None if box is None else round(box["y"] + box["height"])
    return found


@pytest.mark.parametrize("width_name", list(FIRST_SCREENS))
def test_the_campaign_and_its_action_fill_the_first_screen(
    browser, live_site, width_name
):
    width, height = FIRST_SCREENS[width_name]
    pages = campaign_pages(live_site)
    assert {p["language"] for p in pages} >= {"en", "ar"}, pages
    context = browser.new_context(
        base_url=live_site.url, viewport={"width": width, "height": height}
    )
    page = context.new_page()
    misses = {}
    try:
        for info in pages:
            page.goto(info["path"], wait_until="networkidle")
            below = below_the_first_screen(page, height)
            if below:
                misses[info["language"]] = below
    finally:
        context.close()
    assert not misses, f"below the {width}x{height} first screen: {misses}"
