"""A staff user adds a passkey in Chromium (its virtual authenticator, over
the DevTools protocol), signs out, and signs back in with password and
passkey, on a live server that requires the second factor as production
does: the dashboard opens, with no server error, no Content-Security-Policy
violation and no request to another host."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.admin import MAKE_USERS, PASSWORD
from tests.browser.conftest import CSP_RECORDER, csp_violations
from tests.browser.server import LiveSite

# A passkey that is resident, with user verification (a fingerprint, a PIN)
# that always succeeds.
AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


class LocalhostSite(LiveSite):
    """The live site at http://localhost:PORT, with the second factor on."""

    def __init__(self):
        super().__init__(settings="tests.browser.passkey_server_settings")
        self.url = f"http://localhost:{self.port}"
        self.env["PROOF_SERVER_URL"] = self.url


@pytest.fixture(scope="module")
def passkey_site(playwright_sync):
    site = LocalhostSite()
    try:
        site.start()
        site.manage("shell", "-c", MAKE_USERS)
        yield site
    finally:
        site.stop()


def sign_in(page):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_passkey_added_at_setup_signs_staff_in(browser, passkey_site, server_errors):
    context = browser.new_context(base_url=passkey_site.url, locale="en-GB")
    context.add_init_script(CSP_RECORDER)
    server_errors.watch(context)
    hosts = set()
    context.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page = context.new_page()
    page.set_default_timeout(20_000)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR}
    )["authenticatorId"]

    # First sign-in: the admin asks for a second factor; staff add a passkey.
    sign_in(page)
    expect(page).to_have_url(re.compile("/admin/two-factor/setup/"))
    page.get_by_label("Name of the passkey").fill("Test laptop")
    page.get_by_role("button", name="Add a passkey").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    assert page.locator(".recovery-codes li").count() == 10
    credentials = cdp.send(
        "WebAuthn.getCredentials", {"authenticatorId": authenticator}
    )
    assert len(credentials["credentials"]) == 1
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page).to_have_url(re.compile("/admin/$"))
    page.goto("/admin/two-factor/")
    expect(page.get_by_role("cell", name="Test laptop", exact=True)).to_be_visible()
    assert csp_violations(page) == []

    # Sign out, as the account menu does.
    page.evaluate(
        """() => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = "/admin/logout/";
            const token = document.createElement("input");
            token.name = "csrfmiddlewaretoken";
            token.value = document.querySelector("[name=csrfmiddlewaretoken]").value;
            form.append(token);
            document.body.append(form);
            form.submit();
        }"""
    )
    expect(page).to_have_url(re.compile("/admin/login/"))
    assert page.goto("/admin/").url.split("?")[0].endswith("/admin/login/")

    # Second sign-in: password, then the passkey instead of a code.
    sign_in(page)
    expect(page).to_have_url(re.compile("/admin/two-factor/verify/"))
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(re.compile("/admin/$"))
    expect(page.locator(".w-dashboard h1")).to_be_visible()
    assert csp_violations(page) == []
    context.close()

    assert server_errors == []
    assert hosts == {f"localhost:{passkey_site.port}"}
    assert "Traceback" not in passkey_site.server_log()
