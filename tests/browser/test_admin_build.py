"""A campaign page built through the real admin by a staff user, as the
issue measured it: clicks (buttons, tabs, menu options, chooser choices),
typed fields and uploads, then submitted and approved, with no server error."""

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.browser.admin import approve, log_in, public_html


class Journey:
    """A staff user's actions in the editor, counted as the report counts them:
    clicks (buttons, tabs, menu options, chooser choices) and typed fields."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0
        self.fields = 0
        self.uploads = 0
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

    def select(self, locator, value):
        """A choice from a menu: one click, as the report counts it."""
        locator.select_option(value)
        self.clicks += 1

    def upload_image(self, button, path, title):
        """Open the image chooser, upload a file, and so choose it."""
        self.click(button)
        modal = self.page.locator(".modal:visible")
        self.click(modal.get_by_role("tab", name="Upload"))
        modal.locator("input[type=file]").set_input_files(str(path))
        self.uploads += 1
        self.type(modal.get_by_label("Title"), title)
        self.click(modal.get_by_role("button", name="Upload"))
        expect(self.page.locator(".modal:visible")).to_have_count(0)

    def add_text(self, words):
        self.type_rich(self.add_block("Text"), words)

    def add_heading(self, words, level=None):
        block = self.add_block("Heading")
        self.type(self.field(block, "text"), words)
        if level:
            self.select(self.field(block, "level", "select"), level)

    def add_signup(self, heading):
        block = self.add_block("Newsletter sign-up")
        self.type(self.field(block, "heading"), heading)
        self.choose(block.get_by_role("button", name=re.compile("Choose")))

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
        choice = self.page.locator(
            ".modal a[data-chooser-modal-choice], .modal td a"
        ).first
        self.click(button)
        try:
            choice.wait_for(timeout=20_000)
        except PlaywrightTimeoutError:
            # A click on a block drawn a moment ago can land before the
            # chooser's script is bound to its button (seen once in CI: no
            # modal in 60 s, no request to the server): click it again.
            # (Not counted: an editor's one click is what the journey costs.)
            if self.page.locator(".modal:visible").count() == 0:
                button.click()
            choice.wait_for(timeout=60_000)
        self.click(choice)
        expect(self.page.locator(".modal:visible")).to_have_count(0)

    def choose_page(self, button, search):
        """The page chooser opens at the site; a resource is found by search."""
        self.click(button)
        # The chooser's modal is loaded by a request of its own: a loaded
        # machine (CI's PostgreSQL stage) can take longer than the default.
        search_box = self.page.locator(".modal input[name=q]").first
        search_box.wait_for(timeout=60_000)
        self.type(search_box, search)
        choice = self.page.locator(".modal a.choose-page").first
        choice.wait_for(timeout=60_000)
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


def test_building_the_reference_page_through_the_admin_costs(
    browser, live_site, editors, server_errors, capsys, tmp_path, request
):
    """The whole #EndReprisals page, part by part as the reference has it
    (outcome, text sections, quote, two sign-ups, demands, timeline, key
    numbers, video with poster and transcript, further reading, a call to
    action), with its two images uploaded: built by staff, submitted,
    approved. What it costs is printed for the report."""
    staff = log_in(browser, live_site, "staff", server_errors)
    # Closed even when the test fails: an editor left open keeps pinging its
    # editing session, and its answers reach the next tests' server log.
    request.addfinalizer(staff.context.close)
    journey = Journey(staff)
    index_id = live_site.ids["campaign index"]
    staff.goto(f"/admin/pages/add/campaigns/campaignpage/{index_id}/")
    journey.type(staff.get_by_placeholder("Page title*"), "Journey: end reprisals")
    journey.type(staff.locator("#id_hashtag"), "#JourneyReprisals")
    journey.type(staff.locator("#id_strapline"), "No one should be punished for it.")
    journey.upload_image(
        staff.get_by_role("button", name="Choose an image").first,
        demo_png(tmp_path / "journey-hero.png", (11, 85, 99)),
        "Journey hero",
    )
    journey.select(staff.locator("#id_status"), "won")
    journey.type(staff.locator("#id_outcome_date"), "2021-10-08")
    journey.click(staff.locator("#id_outcome_text"))  # closes the date picker
    journey.type(staff.locator("#id_outcome_text"), "The Council adopted it.")

    journey.add_text("Defenders who speak to the UN are punished for it.")
    block = journey.add_block("Quote")
    journey.type(journey.field(block, "quote", "textarea"), "Reprisals are never OK.")
    journey.type(journey.field(block, "attribution"), "A defender")
    journey.type(journey.field(block, "role"), "Geneva")
    journey.add_text("This is why we campaign.")
    journey.add_signup("Join us!")
    block = journey.add_block("Demands")
    journey.type(journey.field(block, "intro", "textarea"), "We ask three things.")
    for number in range(3):
        item = journey.list_item(block, "demands", number)
        journey.type(journey.field(item, "demand"), f"Demand number {number}")
        journey.type(journey.field(item, "explanation", "textarea"), "Because.")
    journey.add_heading("All you need to know")
    journey.add_text("What the resolution asks.")
    journey.add_heading("What is still missing", level="h3")
    journey.add_text("Room to strengthen it.")
    block = journey.add_block("Milestones")
    steps = (("2021-09-17", "Session opens"), ("2021-10-08", "Adopted"))
    for number, (date, title) in enumerate((*steps, ("2021-10-14", "80 states"))):
        item = journey.list_item(block, "milestones", number)
        journey.type(journey.field(item, "date"), date)
        journey.click(journey.field(item, "title"))  # closes the date picker
        journey.type(journey.field(item, "title"), title)
        journey.type(journey.field(item, "text", "textarea"), "What happened.")
    block = journey.add_block("Key numbers")
    journey.type(journey.field(block, "intro", "textarea"), "Ten years of reports.")
    for number in range(3):
        item = journey.list_item(block, "figures", number)
        journey.choose(item.get_by_role("button", name="Choose key figure"))
    block = journey.add_block("Video")
    journey.type(
        journey.field(block, "url"), "https://www.youtube.com/watch?v=EndReprisal"
    )
    journey.type(journey.field(block, "title"), "At a glance (placeholder)")
    journey.upload_image(
        block.get_by_role("button", name="Choose an image"),
        demo_png(tmp_path / "journey-poster.png", (26, 26, 46)),
        "Journey poster",
    )
    journey.type_rich(
        block.locator('[data-contentpath="transcript"]'), "What the video says."
    )
    block = journey.add_block("Resource listing")
    journey.type(journey.field(block, "heading"), "Additional resources")
    for number, search in enumerate(("China", "treaty")):
        item = journey.list_item(block, "items", number)
        journey.choose_page(
            item.get_by_role("button", name=re.compile("Choose")), search
        )
    block = journey.add_block("Call to action")
    journey.type(journey.field(block, "heading"), "Read the report")
    journey.type(journey.field(block, "button_label"), "Read the report")
    journey.type(journey.field(block, "url"), "https://example.org/report")
    journey.add_signup("Join our email list")

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
    request.addfinalizer(moderator.context.close)
    approve(moderator, edit_path)
    html = public_html(live_site, "/campaigns/journey-end-reprisals/")
    for part in (
        "Demand number 2",
        "key-figure__value",
        "80 states",
        "What is still missing",
        "The Council adopted it.",
        "newsletter-form",
        "What the video says.",
        "journey-hero",
    ):
        assert part in html, part
    with capsys.disabled():
        print(  # noqa: T201 - the figures the report quotes
            f"\nbuild journey (full reference page): {journey.clicks} clicks, "
            f"{journey.fields} typed fields, {journey.uploads} uploads, +1 "
            f"approve click by the moderator, {len(server_errors)} server errors"
        )
    assert server_errors == []


def demo_png(path, colour):
    """An image to upload: a plain picture of its own colour (two uploads that
    were the same file would ask "upload a duplicate?")."""
    from PIL import Image

    Image.new("RGB", (1600, 900), colour).save(path)
    return path
