"""What visitors, supporters and editors do, end to end, in a real browser."""

import re
import uuid

from playwright.sync_api import expect

from tests.browser.conftest import csp_violations
from tests.browser.server import email_text


def page_path(live_site, name):
    return next(p["path"] for p in live_site.pages if p["name"] == name)


def test_visitor_reads_the_campaign_and_plays_its_video(context, page, live_site):
    """Home -> #EndReprisals -> key figures -> play (the player is refused here)."""
    context.route(
        lambda url: not url.startswith(live_site.url), lambda route: route.abort()
    )
    campaign = page_path(live_site, "campaign")
    page.goto("/")
    if not page.locator(f'main a[href="{campaign}"]').count():  # via the index
        page.locator(
            f'a[href="{page_path(live_site, "campaign index")}"]'
        ).first.click()
    page.locator(f'main a[href="{campaign}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(campaign) + "$"))
    expect(page.locator("h1")).to_contain_text("Reprisals", ignore_case=True)

    figures = page.locator(".key-figure__value")
    expect(figures.first).to_be_visible()
    assert figures.count() >= 1
    assert all(text.strip() for text in figures.all_inner_texts())

    play = page.get_by_role("button", name=re.compile("Play video"))
    expect(play.first).to_be_visible()
    play.first.click()
    player = page.locator(".video iframe").first
    expect(player).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/")
    )
    assert not csp_violations(page)


def test_visitor_filters_searches_and_downloads_a_paper(page, live_site):
    library = page_path(live_site, "library")
    page.goto(library)
    all_results = page.locator("main .card").count()
    assert all_results > 1

    page.get_by_label("Type").select_option("report")
    page.get_by_role("button", name="Show resources").click()
    expect(page).to_have_url(re.compile(r"type=report"))
    reports = page.locator("main .card").count()
    assert 0 < reports < all_results

    page.goto(library)
    page.get_by_role("searchbox").fill("reprisals")
    page.get_by_role("button", name="Show resources").click()
    expect(page).to_have_url(re.compile(r"q=reprisals"))
    assert page.locator("main .card").count() >= 1

    resource = page_path(live_site, "resource")
    page.goto(library)
    page.locator(f'main a[href="{resource}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(resource) + "$"))
    with page.expect_download() as download_info:
        page.locator("main a[download]").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def sign_up(page, address):
    page.get_by_label("Email").first.fill(address)
    page.locator("form.newsletter-form button[type=submit]").first.click()


def latest_email_to(live_site, address):
    sent = [m for m in live_site.emails() if address in m["To"]]
    assert sent, f"no email to {address}"
    return sent[-1]


def test_supporter_signs_up_confirms_and_unsubscribes(page, live_site):
    address = f"supporter-{uuid.uuid4().hex[:8]}@example.org"
    page.goto(page_path(live_site, "sign-up page"))
    sign_up(page, address)
    expect(page).to_have_url(re.compile("/newsletter/check-your-inbox/$"))
    expect(page.locator("h1")).to_be_visible()

    message = latest_email_to(live_site, address)
    body = email_text(message)
    confirm_url = re.search(r"https?://\S+/newsletter/confirm/\S+/", body).group(0)
    unsubscribe_url = re.search(r"https?://\S+/newsletter/unsubscribe/\S+/", body)
    assert confirm_url.startswith(live_site.url)
    # RFC 8058 one-click unsubscribe headers on every email.
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page.goto(confirm_url)
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("h1")).to_contain_text("subscribed", ignore_case=True)

    page.goto(unsubscribe_url.group(0))
    page.get_by_role("button", name=re.compile("Unsubscribe")).click()
    expect(page.locator("main")).to_contain_text("unsubscribed", ignore_case=True)
    assert not page.context.cookies()


def focus_is_visible(page):
    return page.evaluate(
        """() => {
          const style = getComputedStyle(document.activeElement);
          return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
            || style.boxShadow !== 'none';
        }"""
    )


def tab_to(page, predicate, limit=80):
    """Presses Tab until `predicate` (JS, on document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), "the focused element shows no focus indicator"
        if page.evaluate(
            f"() => {{ const el = document.activeElement; return {predicate}; }}"
        ):
            return
    raise AssertionError(f"Tab never reached {predicate}")


def test_sign_up_with_the_keyboard_only(page, live_site):
    address = f"keyboard-{uuid.uuid4().hex[:8]}@example.org"
    page.goto(page_path(live_site, "sign-up page"))
    tab_to(page, "el.type === 'email'")
    page.keyboard.type(address)
    tab_to(page, "el.type === 'submit' && !!el.closest('form.newsletter-form')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/newsletter/check-your-inbox/$"))

    confirm_url = re.search(
        r"https?://\S+/newsletter/confirm/\S+/",
        email_text(latest_email_to(live_site, address)),
    ).group(0)
    page.goto(confirm_url)
    tab_to(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("subscribed", ignore_case=True)


def admin_problems(page, messages):
    """CSP refusals and script errors the admin reported, on the page or in frames."""
    return [m for m in messages if "Content Security Policy" in m or "Refused" in m]


def test_editor_publishes_a_campaign_with_key_numbers(context, page, live_site):
    """Log in, write a campaign, preview it and a block, publish it, read it live."""
    from tests.browser.server import ADMIN_PASSWORD, ADMIN_USER

    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(ADMIN_USER)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile("/admin/$"))

    index_id = live_site.ids["campaign index"]
    page.goto(f"/admin/pages/add/campaigns/campaignpage/{index_id}/")
    page.get_by_placeholder("Page title*").fill("Free the Geneva Five")
    page.locator("#id_hashtag").fill("#FreeGenevaFive")
    page.locator("#id_strapline").fill(
        "Five defenders detained after speaking at the UN must go free."
    )

    # The body: a key-numbers block, previewed in the block picker first.
    body = page.locator("#panel-child-content-body-section")
    body.locator(".c-sf-add-button").first.click()
    option = page.get_by_role("option", name="Key numbers")
    with page.expect_response(re.compile("/admin/block-preview/")) as block_preview:
        option.locator("xpath=..").get_by_role("button", name="Preview").click()
    assert block_preview.value.ok
    block_frame = page.frame_locator("iframe[src*='block-preview']").first
    expect(block_frame.locator(".key-figure__value").first).to_be_visible()
    option.click()
    page.get_by_role("button", name="Choose key figure").first.click()
    choice = page.locator(".modal a[data-chooser-modal-choice], .modal td a").first
    choice.wait_for()
    choice.click()
    expect(body.locator(".chooser__title").first).not_to_be_empty()

    # The page preview panel renders the unsaved page inside the admin.
    page.get_by_role("button", name=re.compile("preview", re.I)).first.click()
    preview_frame = page.frame_locator("iframe#w-preview-iframe, .preview-panel iframe")
    expect(preview_frame.locator("h1")).to_contain_text("Free the Geneva Five")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published", ignore_case=True)
    assert not csp_violations(page)
    assert not admin_problems(page, context.recorder.console_errors)

    page.goto("/campaigns/free-the-geneva-five/")
    expect(page.locator("h1")).to_have_text("Free the Geneva Five")
    expect(page.locator(".key-figure__value").first).to_be_visible()
