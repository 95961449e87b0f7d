"""Every public page type, in a real browser: privacy, accessibility, valid HTML.

Each page is opened once (in `visits`) and what the browser saw is kept; the
tests below then each check one promise over every page:
- no request leaves the site's own origin, from load to network idle;
- the Content-Security-Policy blocks nothing the page needs;
- axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation;
- the rules of Wagtail's "Checks" panel that axe itself runs find nothing, so
  an editor is never shown an issue the templates cause;
- the Nu Html Checker finds no error (one run over every page, for speed).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from wagtail.admin.userbar import ContentCheckerItem

from tests.browser.conftest import CSP_RECORDER, Recorder, csp_violations, origin_of

PROJECT_DIR = Path(__file__).resolve().parents[2]
AXE = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
VNU = PROJECT_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The Checks panel's own rules (alt-text-quality and empty-meta-description
# need Wagtail's custom checks, which run only inside the userbar).
CHECKS_PANEL_RULES = [
    rule
    for rule in ContentCheckerItem.axe_run_only
    if rule not in {r["id"] for r in ContentCheckerItem.axe_custom_rules}
]
VIDEO_PRIVACY_ORIGINS = {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}


def npm_tool(path):
    if not path.exists():
        pytest.fail(f"{path} is missing: run `npm ci` (make test does)", pytrace=False)
    return path


class Visit:
    """What the browser saw on one page."""

    def __init__(self, page_info):
        self.name = page_info["name"]
        self.path = page_info["path"]
        self.expected_status = page_info["status"]
        self.status = None
        self.html = b""
        self.requests = []
        self.csp_violations = []
        self.console_errors = []
        self.axe_violations = []
        self.checks_panel_issues = []


def describe(violations):
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    ]


class Visits(list):
    """Every visit, and the cookies the browser holds after them all."""

    cookies = ()


@pytest.fixture(scope="module")
def visits(browser, live_site):
    axe_source = npm_tool(AXE).read_text()
    context = browser.new_context(base_url=live_site.url, locale="en-GB")
    context.add_init_script(CSP_RECORDER)
    recorder = Recorder(context)
    page = context.new_page()
    results = Visits()
    for info in live_site.pages:
        visit = Visit(info)
        recorder.clear()
        response = page.goto(info["path"], wait_until="networkidle")
        visit.status = response.status
        visit.html = response.body()
        visit.requests = list(recorder.requests)
        visit.console_errors = list(recorder.console_errors)
        visit.csp_violations = csp_violations(page)
        page.evaluate(axe_source)
        report = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        visit.axe_violations = describe(report["violations"])
        report = page.evaluate(
            "rules => axe.run(document, {runOnly: {type: 'rule', values: rules}})",
            CHECKS_PANEL_RULES,
        )
        visit.checks_panel_issues = describe(report["violations"])
        results.append(visit)
    results.cookies = context.cookies()
    context.close()
    return results


def test_every_page_type_answers(visits):
    wrong = [
        f"{v.name} {v.path}: {v.status}, expected {v.expected_status}"
        for v in visits
        if v.status != v.expected_status
    ]
    assert not wrong


def test_no_request_leaves_the_site(visits, live_site):
    leaks = [
        f"{v.name}: {resource_type} {url}"
        for v in visits
        for url, resource_type in v.requests
        if origin_of(url) != live_site.url and not url.startswith(("data:", "blob:"))
    ]
    assert not leaks, "requests to other origins:\n" + "\n".join(leaks)
    # The recording works: every page loaded at least its stylesheet.
    assert all(any(t == "stylesheet" for _u, t in v.requests) for v in visits)


def test_the_browser_holds_no_cookie_after_every_page(visits):
    assert not visits.cookies


def test_content_security_policy_blocks_nothing_the_pages_need(visits):
    problems = [
        f"{v.name}: {problem}"
        for v in visits
        for problem in v.csp_violations
        + [e for e in v.console_errors if "Content Security Policy" in e]
    ]
    assert not problems


def test_axe_finds_no_wcag_violation(visits):
    problems = [f"{v.name} {v.path}: {p}" for v in visits for p in v.axe_violations]
    assert not problems, "\n".join(problems)


def test_the_checks_panel_finds_nothing_the_templates_cause(visits):
    problems = [
        f"{v.name} {v.path}: {p}" for v in visits for p in v.checks_panel_issues
    ]
    assert not problems, "\n".join(problems)


def test_nu_html_checker_finds_no_error(visits, tmp_path):
    files = []
    for index, visit in enumerate(visits):
        path = tmp_path / f"{index:02d}.html"
        path.write_bytes(visit.html)
        files.append(str(path))
    result = subprocess.run(  # noqa: S603 - the checker from node_modules
        [
            shutil.which("java") or "/usr/bin/java",
            "-jar",
            str(npm_tool(VNU)),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *files,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    names = {f"{i:02d}.html": f"{v.name} {v.path}" for i, v in enumerate(visits)}
    errors = [
        f"{names[Path(m.get('url', '')).name]} line {m.get('lastLine')}: "
        f"{m.get('message')}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)


def test_playing_the_video_calls_only_the_privacy_enhanced_host(
    context, page, live_site
):
    campaign = next(p for p in live_site.pages if p["name"] == "campaign")
    # Nothing may leave the machine: the request is recorded, then refused.
    context.route(
        lambda url: not url.startswith(live_site.url),
        lambda route: route.abort(),
    )
    page.goto(campaign["path"], wait_until="networkidle")
    assert context.recorder.origins() == {live_site.url}

    before = len(context.recorder.requests)
    page.locator(".video__play").first.click()
    page.wait_for_timeout(1000)
    new_origins = {origin_of(url) for url, _t in context.recorder.requests[before:]} - {
        live_site.url
    }
    assert len(new_origins) == 1, f"clicking play called {new_origins or 'nothing'}"
    assert new_origins <= VIDEO_PRIVACY_ORIGINS
