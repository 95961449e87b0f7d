"""Fixtures of the browser tests: a live server with the demo, and Chromium.

The tests drive Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through
Playwright; Playwright's own browser downloads are never used. Where Chromium
is missing the tests skip, unless REQUIRE_BROWSER is set (CI sets it), when
they fail instead.

The fixtures are package-scoped: Playwright's synchronous API runs an event
loop, and Django refuses database calls while one is running, so the browser
is closed before the other test folders run.
"""

import os
import re
import shutil
from urllib.parse import urlsplit

import pytest

from tests.browser.server import LiveSite

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
# Records what the page reports about its Content-Security-Policy: a policy
# that blocks something the page needs is a bug as much as a third party.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def pytest_collection_modifyitems(items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed and "live_site" in item.funcargs:
        # The server's side of the story: its log holds any traceback.
        log = item.funcargs["live_site"].server_log()
        if log:
            report.sections.append(("live server log (last 4000 characters)", log))
    return report


def chromium_executable():
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or ""


def browser_unavailable(reason):
    message = (
        f"{reason}: the browser tests need Debian's Chromium "
        "(apt-get install chromium) and the playwright package"
    )
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(f"{message} (REQUIRE_BROWSER is set)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="package")
def playwright_sync():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("playwright is not installed")
    if not os.path.exists(chromium_executable()):
        browser_unavailable("Chromium is not installed")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="package")
def browser(playwright_sync):
    browser = playwright_sync.chromium.launch(
        executable_path=chromium_executable(), args=BROWSER_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(scope="package")
def live_site(playwright_sync):
    site = LiveSite()
    try:
        site.start()
        yield site
    finally:
        site.stop()


class Recorder:
    """Every request a browser context makes, and what its pages complain of."""

    def __init__(self, context):
        self.requests = []
        self.console_errors = []
        context.on("request", self._on_request)
        context.on("console", self._on_console)

    def _on_request(self, request):
        self.requests.append((request.url, request.resource_type))

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def origins(self):
        return {origin_of(url) for url, _type in self.requests if not is_local(url)}

    def clear(self):
        self.requests.clear()
        self.console_errors.clear()


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_local(url):
    # data: and blob: URLs never leave the browser.
    return url.startswith(("data:", "blob:", "about:"))


@pytest.fixture
def context(browser, live_site):
    context = browser.new_context(base_url=live_site.url, locale="en-GB")
    context.add_init_script(CSP_RECORDER)
    context.recorder = Recorder(context)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def csp_violations(page):
    return page.evaluate("window.__cspViolations || []")


@pytest.fixture(scope="module")
def editors(live_site):
    """The staff and moderator accounts of the admin tests, and the key
    figure they edit."""
    from tests.browser.admin import MAKE_USERS  # it imports this module

    out = live_site.manage("shell", "-c", MAKE_USERS, capture=True)
    return {"figure": int(re.search(r"FIGURE=(\d+)", out).group(1))}


@pytest.fixture
def server_errors():
    from tests.browser.admin import ServerErrors

    return ServerErrors()
