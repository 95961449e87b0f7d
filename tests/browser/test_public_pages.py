"""Every public page type, in a real browser: privacy, accessibility, valid HTML.

Each page is opened once (in `visits`) and what the browser saw is kept; the
tests below then each check one promise over every page:
- no request leaves the site's own origin, from load to network idle;
- the Content-Security-Policy blocks nothing the page needs;
- axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation;
- the rules of Wagtail's "Checks" panel that axe itself runs find nothing, so
  an editor is never shown an issue the templates cause;
- the Nu Html Checker finds no error (one run over every page, for speed);
- every page type in every language, right to left included: all of the
  above, and no interface text left in English where the page is written in
  the reader's language.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

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


# Every text a reader sees or hears on the page in the page's own language, one
# string per text node or labelling attribute, white space collapsed. A part
# that says it is in another language (`lang`, as a French page listing an
# English paper does) is left out: it is content, labelled truthfully. So is a
# name marked translate="no" (the organisation's, a network's), and a search
# snippet, which quotes the indexed text where the reader's words were found.
READER_TEXTS = """() => {
  const texts = [];
  const pageLanguage = document.documentElement.lang;
  const inPageLanguage = (element) =>
    (element.closest("[lang]") || document.documentElement).lang === pageLanguage &&
    !element.closest("[translate=no], .search-result__snippet, .card__snippet");
  const add = (element, text) => {
    text = (text || "").replace(/\\s+/g, " ").trim();
    if (text && inPageLanguage(element)) texts.push(text);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement.closest("script, style, template, noscript")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  while (walker.nextNode()) {
    const node = walker.currentNode;
    add(node.parentElement, node.nodeValue);
  }
  for (const element of document.querySelectorAll(
    "[aria-label], [placeholder], [title], img[alt], input[type=submit][value]"
  )) {
    for (const name of ["aria-label", "placeholder", "title", "alt"]) {
      if (element.hasAttribute(name)) add(element, element.getAttribute(name));
    }
    if (element.matches("input[type=submit]")) add(element, element.value);
  }
  add(document.documentElement, document.title);
  return texts;
}"""


class Visit:
    """What the browser saw on one page."""

    def __init__(self, page_info):
        self.name = page_info["name"]
        self.path = page_info["path"]
        self.language = page_info["language"]
        self.written_in_language = page_info["written_in_language"]
        self.expected_status = page_info["status"]
        self.texts = []
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
    for info in live_site.pages + live_site.language_pages:
        visit = Visit(info)
        recorder.clear()
        response = page.goto(info["path"], wait_until="networkidle")
        visit.status = response.status
        visit.html = response.body()
        visit.requests = list(recorder.requests)
        visit.console_errors = list(recorder.console_errors)
        visit.csp_violations = csp_violations(page)
        visit.texts = page.evaluate(READER_TEXTS)
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


def looks_english(text):
    """A text with a word of Latin letters, not an address, domain or tag."""
    words = re.findall(r"[A-Za-z]{2,}", text)
    return bool(words) and not re.fullmatch(r"[#@]\S+|\S+@\S+|\S+\.\S+", text)


def english_left(visit, english):
    """Interface texts of the English page that `visit` shows unchanged (what
    the reader searched for is theirs, in whatever language they typed it)."""
    searched = {q.casefold() for q in parse_qs(urlsplit(visit.path).query).get("q", [])}
    shared = {
        text
        for text in set(visit.texts) & set(english.texts)
        if text.casefold() not in searched
    }
    return sorted(text for text in shared if looks_english(text))


def test_no_interface_text_is_left_in_english(visits, capsys):
    english = {v.name: v for v in visits if v.language == "en"}
    checked = [v for v in visits if v.language != "en" and v.written_in_language]
    found = {
        f"{v.language} {v.name} {v.path}": left
        for v in checked
        if (left := english_left(v, english[v.name]))
    }
    languages = {v.language for v in checked}
    assert languages == {"fr", "es", "ar", "zh-hans"}, languages
    assert all(v.texts for v in checked), "the texts were not read"
    with capsys.disabled():
        for language in sorted(languages):
            pages = [v for v in checked if v.language == language]
            left = [v for v in pages if f"{v.language} {v.name} {v.path}" in found]
            print(  # noqa: T201 - the figures the report quotes
                f"\n{language}: {len(pages)} pages checked, "
                f"{len(left)} with English interface text"
            )
    assert not found, "\n".join(f"{page}: {left}" for page, left in found.items())
