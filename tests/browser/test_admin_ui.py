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
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CSP_RECORDER

CYCLES = 10
PASSWORD = "browser-test-only-password"  # noqa: S105
MAKE_USERS = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from campaigns.models import KeyFigure
from core.roles import MODERATORS_GROUP, STAFF_GROUP
User = get_user_model()
for name, group in (("staff", STAFF_GROUP), ("moderator", MODERATORS_GROUP)):
    user, _ = User.objects.get_or_create(
        username=name, defaults={{"email": name + "@example.org"}}
    )
    user.set_password({PASSWORD!r})
    user.save()
    user.groups.add(Group.objects.get(name=group))
figure = KeyFigure.objects.get(locale__language_code="en", figure="709")
print("FIGURE=" + str(figure.pk))
"""


class ServerErrors(list):
    """Every 5xx answer any browser context received."""

    def watch(self, context):
        context.on(
            "response",
            lambda response: (
                self.append(f"{response.status} {response.url}")
                if response.status >= 500
                else None
            ),
        )


@pytest.fixture(scope="module")
def editors(live_site):
    out = live_site.manage("shell", "-c", MAKE_USERS, capture=True)
    return {"figure": int(re.search(r"FIGURE=(\d+)", out).group(1))}


@pytest.fixture
def server_errors():
    return ServerErrors()


def log_in(browser, live_site, username, server_errors):
    context = browser.new_context(base_url=live_site.url, locale="en-GB")
    context.add_init_script(CSP_RECORDER)
    server_errors.watch(context)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile("/admin/$"))
    return page


def public_html(live_site, path):
    with urllib.request.urlopen(live_site.url + path, timeout=30) as response:  # noqa: S310
        assert response.status == 200
        return response.read().decode()


def submit(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("^Submit to ")).click()
    expect(page.locator(".messages")).to_contain_text("submitted", ignore_case=True)


def approve(page, edit_path):
    page.goto(edit_path)
    # The review path is the footer's default button.
    button = page.locator("footer").get_by_role(
        "button", name=re.compile("Approve and publish", re.I)
    )
    expect(button.first).to_be_visible()
    button.first.click()
    expect(page.locator(".messages")).to_contain_text(
        re.compile("approved|published|updated", re.I)
    )


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
    staff.on(
        "request",
        lambda request: (
            autosaves.append(request.url)
            if request.method == "POST"
            and "application/json" in (request.headers.get("accept") or "")
            else None
        ),
    )
    for attempt in range(3):
        staff.goto(edit_path)
        staff.get_by_placeholder("Page title*").fill(f"Raced {attempt}")
        # Wagtail autosaves 0.5 s after typing; submit lands beside it.
        staff.wait_for_timeout(450)
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
