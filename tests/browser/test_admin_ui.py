"""Moderation through the real admin in Chromium, autosave on: a staff user
submits, a moderator approves, and readers see only what was approved.

- 10 approve-and-publish cycles: staff edits and submits, the moderator
  clicks the footer's default button ("Approve and publish"); no server error,
  the page is live with the approved title after each;
- an autosave racing a submit in the editor gives no server error;
- a key figure edited by staff stays as it was on the public page until a
  moderator approves it.

Every response the browsers receive is recorded; a 5xx fails the test.
"""

import re

from playwright.sync_api import expect

from tests.browser.admin import approve, log_in, public_html, submit

CYCLES = 10


def create_page_as(page, live_site, title, slug):
    page.goto(f"/admin/pages/add/home/standardpage/{live_site.ids['home']}/")
    page.get_by_placeholder("Page title*").fill(title)
    page.locator("#id_summary").fill("A page for the moderation test.")
    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_slug").fill(slug)
    page.get_by_role("tab", name="Content").click()
    # Saving the new page opens its edit view; submit from there.
    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    edit_path = re.search(r"/admin/pages/\d+/edit/", page.url).group(0)
    submit(page)
    return edit_path


def test_ten_approve_and_publish_cycles_through_the_admin(
    browser, live_site, editors, server_errors
):
    staff = log_in(browser, live_site, "staff", server_errors)
    moderator = log_in(browser, live_site, "moderator", server_errors)
    edit_path = create_page_as(staff, live_site, "Cycle start", "ui-cycles")
    approve(moderator, edit_path)
    for cycle in range(CYCLES):
        title = f"Approved in cycle {cycle}"
        staff.goto(edit_path)
        staff.get_by_placeholder("Page title*").fill(title)
        submit(staff)
        approve(moderator, edit_path)
        assert title in public_html(live_site, "/ui-cycles/"), f"cycle {cycle}"
    assert server_errors == []
    assert "Traceback" not in live_site.server_log()


def test_an_autosave_racing_a_submit_in_the_editor(
    browser, live_site, editors, server_errors
):
    staff = log_in(browser, live_site, "staff", server_errors)
    moderator = log_in(browser, live_site, "moderator", server_errors)
    edit_path = create_page_as(staff, live_site, "Race start", "ui-race")
    approve(moderator, edit_path)
    autosaves = []
    # Autosave posts the form with fetch; the submit is a page navigation.
    staff.on(
        "request",
        lambda request: (
            autosaves.append(request.url)
            if request.method == "POST" and request.resource_type in {"fetch", "xhr"}
            else None
        ),
    )
    # Wagtail autosaves 0.5 s after typing; the submit lands just before,
    # during or just after it.
    for attempt, pause in enumerate((400, 500, 600, 800)):
        staff.goto(edit_path)
        staff.get_by_placeholder("Page title*").fill(f"Raced {attempt}")
        staff.wait_for_timeout(pause)
        submit(staff)
        approve(moderator, edit_path)
    assert autosaves, "no autosave was sent: the race did not happen"
    assert server_errors == []
    log = live_site.server_log()
    assert "database is locked" not in log
    assert "Traceback" not in log


def test_a_staff_edit_to_a_key_figure_waits_for_a_moderator(
    browser, live_site, editors, server_errors
):
    campaign = "/campaigns/end-reprisals/"
    assert ">709<" in public_html(live_site, campaign)
    staff = log_in(browser, live_site, "staff", server_errors)
    edit_path = f"/admin/snippets/campaigns/keyfigure/edit/{editors['figure']}/"
    staff.goto(edit_path)
    staff.locator("#id_figure").fill("999,999")
    submit(staff)

    html = public_html(live_site, campaign)
    assert ">709<" in html and "999,999" not in html

    moderator = log_in(browser, live_site, "moderator", server_errors)
    approve(moderator, edit_path)
    html = public_html(live_site, campaign)
    assert "999,999" in html and ">709<" not in html
    assert server_errors == []
