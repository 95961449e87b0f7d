"""What search engines and social networks read from every public page type of
the demo, in every language it answers in, parsed as they parse it (extruct):
schema.org JSON-LD and Open Graph.

Languages are taken from the settings, never counted: a page that has no
translation in a language answers 404 there (left out) or in its own language
with a note (kept: it must then say its own language, not the one asked for).
"""

import json
import re

import extruct
import pytest
from django.conf import settings
from django.test import Client
from lxml import html as lxml_html

pytestmark = pytest.mark.django_db

SCHEMA_ORG = "https://schema.org"
# The node types a page's own JSON-LD describes it with (core.models.BasePage
# and the page types extending it).
RESOURCE_TYPES = {"Report", "NewsArticle", "Article"}


def language_paths(path):
    """The page's address under each configured language prefix."""
    default = settings.LANGUAGE_CODE
    for code, _ in settings.LANGUAGES:
        yield code, path if code == default else f"/{code}{path}"


@pytest.fixture(scope="module")
def rendered(demo_observations, django_db_blocker):
    """[(label, url, html)] for each public page type in each language."""
    client = Client()
    pages = []
    with django_db_blocker.unblock():
        for observation in demo_observations.values():
            pages.extend(rendered_languages(client, observation))
    assert pages
    return pages


def rendered_languages(client, observation):
    pages = []
    for code, path in language_paths(observation.page.path):
        response = client.get(path)
        if response.status_code != observation.page.status:
            # Not in this language: no page here, not a broken one.
            assert response.status_code == 404, (path, response.status_code)
            continue
        label = f"{observation.page.name} [{code}] {path}"
        pages.append((label, f"http://testserver{path}", response.content.decode()))
    return pages


def extract(url, html):
    return extruct.extract(
        html,
        base_url=url,
        syntaxes=["json-ld", "opengraph"],
        uniform=True,
        errors="strict",
    )


def nodes(item):
    """A JSON-LD item's nodes: itself, its @graph, and the organisations it
    names (publisher, author)."""
    found = [item, *item.get("@graph", [])]
    for node in list(found):
        for key in ("publisher", "author"):
            if isinstance(node.get(key), dict):
                found.append(node[key])
    return found


def test_json_ld_parses_as_schema_org_in_the_page_language(rendered):
    checked = 0
    for label, url, html in rendered:
        document = lxml_html.fromstring(html)
        lang = document.get("lang")
        scripts = document.xpath('//script[@type="application/ld+json"]/text()')
        if document.xpath('//link[@rel="canonical"]'):
            # Every page (not the search or sign-up views) describes itself.
            assert scripts, f"{label}: no JSON-LD"
        for script in scripts:
            json.loads(script)  # strict JSON, not extruct's lenient reading
        items = extract(url, html)["json-ld"]
        assert len(items) == len(scripts), label
        for item in items:
            assert item.get("@context") == SCHEMA_ORG, label
            languages = {n["inLanguage"] for n in nodes(item) if "inLanguage" in n}
            if item.get("@type") != "BreadcrumbList":
                assert languages == {lang}, (
                    f"{label}: {languages} in <html lang={lang}>"
                )
            checked += 1
    assert checked > 0


def test_breadcrumb_list_where_the_page_shows_breadcrumbs(rendered):
    shown = 0
    for label, url, html in rendered:
        document = lxml_html.fromstring(html)
        crumbs = document.xpath('//nav[contains(@class, "breadcrumbs")]//li/a')
        lists = [
            item
            for item in extract(url, html)["json-ld"]
            if item.get("@type") == "BreadcrumbList"
        ]
        if not crumbs:
            assert not lists, f"{label}: a BreadcrumbList with no breadcrumbs"
            continue
        assert len(lists) == 1, label
        names = [element["name"] for element in lists[0]["itemListElement"]]
        assert names == [crumb.text_content().strip() for crumb in crumbs], label
        shown += 1
    assert shown > 0


def test_resources_are_written_by_the_organisation_and_it_has_a_logo(rendered):
    resources = organisations = 0
    for label, url, html in rendered:
        for item in extract(url, html)["json-ld"]:
            for node in nodes(item):
                if node.get("@type") in RESOURCE_TYPES:
                    author = node.get("author") or {}
                    assert author.get("@type") == "Organization", label
                    assert author.get("name"), label
                    resources += 1
                if node.get("@type") == "Organization":
                    assert node.get("logo"), f"{label}: an Organization with no logo"
                    organisations += 1
    assert resources > 0
    assert organisations > 0


def test_open_graph_locale_and_image_alt(rendered):
    checked = 0
    for label, url, html in rendered:
        lang = lxml_html.fromstring(html).get("lang")
        for graph in extract(url, html)["opengraph"]:
            locale = graph.get("og:locale")
            if locale is None:  # no sharing tags at all (the 404 page)
                assert "og:title" not in graph, label
                continue
            assert re.fullmatch(r"[a-z]{2}_[A-Z]{2}", locale), (label, locale)
            # "zh-hans" is shared as zh_CN: the language part must agree.
            assert locale.split("_")[0] == lang.split("-")[0], (label, locale, lang)
            alternates = graph.get("og:locale:alternate", [])
            if isinstance(alternates, str):
                alternates = [alternates]
            assert locale not in alternates, f"{label}: its own locale as alternate"
            if "og:image" in graph:
                assert graph.get("og:image:alt"), f"{label}: og:image with no alt"
            checked += 1
    assert checked > 0
