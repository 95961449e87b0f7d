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


class Journey:
    """A staff user's actions in the editor, counted as the report counts them:
    clicks (buttons, tabs, menu options, chooser choices) and typed fields."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0
        self.fields = 0
        self.body = page.locator("#panel-child-content-body-section")

    def click(self, locator):
        locator.click()
        self.clicks += 1

    def type(self, locator, text):
        locator.fill(text)
        self.fields += 1

    def type_rich(self, container, text):
        editor = container.locator("[contenteditable=true]").first
        self.click(editor)
        editor.type(text)
        self.fields += 1

    def add_block(self, label):
        blocks = self.body.locator(
            "[data-streamfield-stream-container] > [data-streamfield-child]"
        )
        count = blocks.count()
        self.click(self.body.locator(".c-sf-add-button").last)
        self.click(self.page.get_by_role("option", name=label, exact=True))
        # Until the new block is drawn, "the last block" is the one before it:
        # typing then fills the wrong block's fields.
        expect(blocks).to_have_count(count + 1)
        return blocks.nth(count)

    def field(self, block, name, element="input"):
        return block.locator(f'[data-contentpath="{name}"] {element}').first

    def choose(self, button):
        self.click(button)
        choice = self.page.locator(
            ".modal a[data-chooser-modal-choice], .modal td a"
        ).first
        choice.wait_for()
        self.click(choice)
        expect(self.page.locator(".modal:visible")).to_have_count(0)

    def choose_page(self, button, search):
        """The page chooser opens at the site; a resource is found by search."""
        self.click(button)
        self.type(self.page.locator(".modal input[name=q]").first, search)
        choice = self.page.locator(".modal a.choose-page").first
        choice.wait_for()
        self.click(choice)
        expect(self.page.locator(".modal:visible")).to_have_count(0)

    def list_item(self, block, name, index):
        """The list's item at `index`: one the list starts with (a list with a
        minimum opens with that many), or a new one added for it."""
        items = block.locator(f'[data-contentpath="{name}"] [data-streamfield-child]')
        add = block.locator(f'[data-contentpath="{name}"] .c-sf-add-button').last
        # The list's JavaScript draws its minimum items with its add buttons:
        # count only once it has drawn, or a slow machine counts too few.
        add.wait_for()
        count = items.count()
        if index < count:
            return items.nth(index)
        self.click(add)
        expect(items).to_have_count(count + 1)
        return items.nth(count)


def test_building_a_campaign_page_through_the_admin_costs(
    browser, live_site, editors, server_errors, capsys
):
    """The reference page's main blocks, built by staff, submitted, approved:
    what it costs in clicks and typed fields (printed for the report)."""
    staff = log_in(browser, live_site, "staff", server_errors)
    journey = Journey(staff)
    index_id = live_site.ids["campaign index"]
    staff.goto(f"/admin/pages/add/campaigns/campaignpage/{index_id}/")
    journey.type(staff.get_by_placeholder("Page title*"), "Journey: end reprisals")
    journey.type(staff.locator("#id_hashtag"), "#JourneyReprisals")
    journey.type(staff.locator("#id_strapline"), "No one should be punished for it.")
    journey.choose(staff.get_by_role("button", name="Choose an image").first)

    block = journey.add_block("Text")
    journey.type_rich(block, "For the first time since 2009 the Council agreed.")
    block = journey.add_block("Quote")
    journey.type(journey.field(block, "quote", "textarea"), "Reprisals are never OK.")
    journey.type(journey.field(block, "attribution"), "A defender")
    block = journey.add_block("Demands")
    for number in range(3):
        item = journey.list_item(block, "demands", number)
        journey.type(journey.field(item, "demand"), f"Demand number {number}")
    block = journey.add_block("Heading")
    journey.type(journey.field(block, "text"), "Essentials")
    block = journey.add_block("Text")
    journey.type_rich(block, "What the resolution asks.")
    block = journey.add_block("Milestones")
    for number, date in enumerate(("2021-09-17", "2021-10-08")):
        item = journey.list_item(block, "milestones", number)
        journey.type(journey.field(item, "date"), date)
        journey.click(journey.field(item, "title"))  # closes the date picker
        journey.type(journey.field(item, "title"), f"Step {number}")
    block = journey.add_block("Key numbers")
    for number in range(3):
        item = journey.list_item(block, "figures", number)
        journey.choose(item.get_by_role("button", name="Choose key figure"))
    block = journey.add_block("Video")
    journey.type(
        journey.field(block, "url"), "https://www.youtube.com/watch?v=EndReprisal"
    )
    journey.type(journey.field(block, "title"), "At a glance (placeholder)")
    journey.choose(block.get_by_role("button", name="Choose an image"))
    block = journey.add_block("Resource listing")
    for number, search in enumerate(("China", "treaty")):
        item = journey.list_item(block, "items", number)
        journey.choose_page(
            item.get_by_role("button", name=re.compile("Choose")), search
        )
    block = journey.add_block("Call to action")
    journey.type(journey.field(block, "heading"), "Read the report")
    journey.type(journey.field(block, "button_label"), "Read the report")
    journey.type(journey.field(block, "url"), "https://example.org/report")

    journey.click(staff.get_by_role("tab", name="Promote"))
    journey.type(staff.locator("#id_slug"), "journey-end-reprisals")
    journey.click(staff.get_by_role("button", name="Save draft"))
    expect(staff).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    edit_path = re.search(r"/admin/pages/\d+/edit/", staff.url).group(0)
    journey.click(staff.get_by_role("button", name="More actions"))
    journey.click(staff.get_by_role("button", name=re.compile("^Submit to ")))
    staff.wait_for_load_state()
    errors = staff.locator(".error-message, .help-critical").all_inner_texts()
    paths = staff.locator(
        "[data-contentpath]:has(> .w-field--error, .error-message)"
    ).evaluate_all("els => els.map(e => e.dataset.contentpath)")
    assert not errors, (errors, paths)
    expect(staff.locator(".messages")).to_contain_text("submitted", ignore_case=True)

    moderator = log_in(browser, live_site, "moderator", server_errors)
    approve(moderator, edit_path)
    html = public_html(live_site, "/campaigns/journey-end-reprisals/")
    assert "Demand number 2" in html and "key-figure__value" in html
    with capsys.disabled():
        print(  # noqa: T201 - the figures the report quotes
            f"\nbuild journey: {journey.clicks} clicks, {journey.fields} typed "
            f"fields, 0 uploads (images chosen), +1 approve click by the "
            f"moderator, {len(server_errors)} server errors"
        )
    assert server_errors == []
