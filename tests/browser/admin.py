"""What the admin browser tests share: the editors' accounts, signing in,
the recorded server errors, and the moderator's approval."""

import re
import urllib.request

from playwright.sync_api import expect

from tests.browser.conftest import CSP_RECORDER

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
