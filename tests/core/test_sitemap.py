"""The sitemap search engines read, on the demo site: valid against the
sitemaps.org schema, and each translated page with its hreflang alternates,
the same as in its head.

The demo's languages grow (French now, more to come): nothing here counts
them, it compares what the sitemap says with what the pages say.
"""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from tests.factories import make_standard_page

pytestmark = pytest.mark.django_db

SCHEMA = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "schemas"
    / "sitemap-with-alternates.xsd"
)
NAMESPACES = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture(autouse=True)
def demo(demo_site):
    """Every test here reads the demo (tests/conftest.py)."""


def fetch_sitemap(client):
    # A fresh render: the page cache must not answer for the code under test.
    cache.clear()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return etree.fromstring(response.content)


def alternates_by_url(tree):
    """{<loc>: {hreflang: href}} for every URL of the sitemap."""
    urls = {}
    for url in tree.iterfind("s:url", NAMESPACES):
        links = url.findall("xhtml:link", NAMESPACES)
        alternates = {link.get("hreflang"): link.get("href") for link in links}
        assert len(alternates) == len(links), "an hreflang listed twice"
        urls[url.findtext("s:loc", namespaces=NAMESPACES)] = alternates
    return urls


def head_alternates(html):
    """{hreflang: href} from a page's <link rel="alternate" hreflang> tags."""
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    )


def html_lang(html):
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def test_sitemap_is_valid_against_the_sitemaps_org_schema(client):
    tree = fetch_sitemap(client)
    schema = etree.XMLSchema(etree.parse(SCHEMA))
    assert schema.validate(tree), schema.error_log
    urls = alternates_by_url(tree)
    count = sum(len(alternates) for alternates in urls.values())
    translated = sum(1 for alternates in urls.values() if alternates)
    figure = (
        f"sitemap alternates count: {count} xhtml:link elements on "
        f"{translated} of {len(urls)} URLs"
    )
    print(f"\n{figure}")  # noqa: T201  (the figure quoted in reports; -s shows it)
    assert count > 0, figure


def test_alternates_are_reciprocal(client):
    urls = alternates_by_url(fetch_sitemap(client))
    translated = {loc: alternates for loc, alternates in urls.items() if alternates}
    assert translated, "the demo has translated pages"
    for loc, alternates in translated.items():
        languages = {
            code: href for code, href in alternates.items() if code != "x-default"
        }
        assert loc in languages.values(), f"{loc} is not among its own alternates"
        for href in languages.values():
            # Each alternate is listed, and lists the same set back.
            assert urls.get(href) == alternates, (loc, href)


def test_every_translated_page_has_an_x_default_in_the_default_language(client):
    urls = alternates_by_url(fetch_sitemap(client))
    translated = [alternates for alternates in urls.values() if alternates]
    assert translated
    for alternates in translated:
        assert alternates["x-default"] in alternates.values()
        if "en" in alternates:
            assert alternates["x-default"] == alternates["en"]


def test_sitemap_alternates_are_those_of_the_page_heads(client):
    urls = alternates_by_url(fetch_sitemap(client))
    checked = 0
    for loc, alternates in urls.items():
        html = client.get(loc).content.decode()
        # Head and sitemap name the same translations, x-default and codes.
        assert head_alternates(html) == alternates, loc
        if alternates:
            own = [code for code, href in alternates.items() if href == loc]
            assert html_lang(html) in own, loc
            checked += 1
    assert checked > 0


def test_untranslated_pages_and_aliases_have_no_alternates(client):
    # Google reads hreflang as "this page has other language versions": a page
    # in one language needs none, and the heads give none either. An alias of
    # it in another language (Wagtail makes them for the parents of a
    # translation) is the same text at a second address, whose canonical link
    # names the original: the sitemap lists the original only.
    about = StandardPage.objects.live().get(slug="about", locale__language_code="en")
    alias = about.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True, alias=True
    )
    urls = alternates_by_url(fetch_sitemap(client))
    assert urls[about.get_full_url()] == {}
    assert alias.get_full_url() not in urls


def translate_new_page(home, french, number):
    page = make_standard_page(home, title=f"Page {number}", slug=f"page-{number}")
    page.copy_for_translation(french, copy_parents=True).save_revision().publish()


def test_sitemap_queries_do_not_grow_with_the_number_of_pages(client):
    home = HomePage.objects.get(locale__language_code="en")
    french = Locale.objects.get(language_code="fr")

    def measure():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            tree = fetch_sitemap(client)
        links = len(tree.findall("s:url/xhtml:link", NAMESPACES))
        return [query["sql"] for query in queries], links

    translate_new_page(home, french, 1)
    few_queries, few_links = measure()
    for number in range(2, 7):
        translate_new_page(home, french, number)
    many_queries, many_links = measure()
    # Five more pages in two languages, three alternates on each of their
    # ten URLs: the same queries (one for the translations of all pages).
    assert many_links == few_links + 5 * 2 * 3
    assert len(many_queries) == len(few_queries), "\n".join(many_queries)
