"""Every page carries a title, description, canonical link, sharing tags and
valid JSON-LD; the sitemap, robots.txt and redirects serve search engines."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from core.models import SiteSettings
from core.templatetags.seo_tags import json_ld_script
from home.models import StandardPage
from tests.factories import make_image, make_standard_page, publish_child

pytestmark = pytest.mark.django_db


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def json_ld(html):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL
    )
    return [json.loads(block) for block in blocks]


def test_inner_page_has_full_metadata(client, home_page):
    page = make_standard_page(
        home_page, title="About us", slug="about", summary="Who we are & why."
    )
    html = client.get(page.url).content.decode()
    assert "<title>About us | " in html
    assert meta(html, "name", "description") == "Who we are &amp; why."
    assert '<link rel="canonical" href="http://testserver/about/">' in html
    assert meta(html, "property", "og:title") == "About us"
    assert meta(html, "property", "og:url") == "http://testserver/about/"
    assert meta(html, "property", "og:description") == "Who we are &amp; why."
    assert meta(html, "name", "twitter:card") == "summary"
    data, breadcrumbs = json_ld(html)
    assert data["@type"] == "WebPage"
    assert data["url"] == "http://testserver/about/"
    # The breadcrumbs the page shows, for search results.
    assert breadcrumbs["@type"] == "BreadcrumbList"
    assert [item["name"] for item in breadcrumbs["itemListElement"]][-1] == ("About us")
    assert data["description"] == "Who we are & why."
    assert data["inLanguage"] == "en"


def test_description_prefers_search_description_then_listing_summary(client, home_page):
    page = make_standard_page(home_page, summary="The summary.")
    page.listing_summary = "The listing summary."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert meta(html, "name", "description") == "The listing summary."
    page.search_description = "The search description."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert meta(html, "name", "description") == "The search description."


def test_social_image_falls_back_to_the_site_default(client, home_page):
    page = make_standard_page(home_page)
    html = client.get(page.url).content.decode()
    assert meta(html, "property", "og:image") is None

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_social_image = make_image("Default", size=(2400, 1400))
    settings.save()
    html = client.get(page.url).content.decode()
    image_url = meta(html, "property", "og:image")
    assert image_url.startswith("http://testserver/media/images/")
    assert meta(html, "property", "og:image:width") == "1200"
    assert meta(html, "property", "og:image:height") == "630"
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert meta(html, "name", "twitter:image") == image_url

    page.social_image = make_image("Own", size=(1600, 900))
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert meta(html, "property", "og:image") != image_url
    assert json_ld(html)[0]["image"] == meta(html, "property", "og:image")


def test_home_page_describes_the_organisation(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Defenders at the UN"
    settings.contact_email = "info@example.org"
    settings.social_profiles = [
        (
            "profile",
            {"network": "bluesky", "url": "https://bsky.app/profile/d", "label": ""},
        )
    ]
    settings.save()
    html = client.get("/").content.decode()
    [data] = json_ld(html)
    organisation = next(n for n in data["@graph"] if n["@type"] == "Organization")
    assert organisation["name"] == "Defenders at the UN"
    assert organisation["url"] == "http://testserver/"
    assert organisation["email"] == "info@example.org"
    assert organisation["sameAs"] == ["https://bsky.app/profile/d"]
    assert any(n["@type"] == "WebSite" for n in data["@graph"])


def test_json_ld_cannot_break_out_of_its_script_element(client, home_page):
    page = make_standard_page(
        home_page, title="</script><script>alert(1)</script>", slug="evil"
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    data, breadcrumbs = json_ld(html)
    assert breadcrumbs["itemListElement"][-1]["name"] == data["name"]
    assert data["name"] == "</script><script>alert(1)</script>"
    rendered = json_ld_script({"a": "<!-- & -->"})
    assert "<!--" not in rendered and "&" not in rendered.split(">", 1)[1]


def test_every_page_type_renders_metadata(client, home_page):
    """Whatever the page type, a live page has description, canonical and JSON-LD."""
    page = make_standard_page(home_page)
    for url in ("/", page.url):
        html = client.get(url).content.decode()
        assert '<link rel="canonical"' in html
        assert meta(html, "property", "og:title")
        assert json_ld(html)


def test_metadata_queries_do_not_grow_with_blocks(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_social_image = make_image("Default")
    settings.save()
    small = make_standard_page(home_page, slug="small", body=[("text", "<p>x</p>")])
    image = make_image("In body")
    body = [("text", "<p>x</p>")] * 20 + [
        ("image", {"image": image, "alt_text": "A", "decorative": False, "caption": ""})
    ]
    large = make_standard_page(home_page, slug="large", body=body)
    for page in (small, large):
        client.get(page.url)  # renditions made once
    with CaptureQueriesContext(connection) as small_queries:
        client.get(small.url)
    with CaptureQueriesContext(connection) as large_queries:
        client.get(large.url)
    # The large page's one image block costs its own rendition lookup.
    assert len(large_queries) <= len(small_queries) + 2


def test_sitemap_lists_live_public_pages_only(client, home_page):
    live = make_standard_page(home_page, title="Live", slug="live")
    draft = StandardPage(title="Draft", slug="draft", summary="")
    home_page.add_child(instance=draft)
    draft.unpublish()
    from wagtail.models import PageViewRestriction

    private = make_standard_page(home_page, title="Private", slug="private")
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="x"
    )
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<loc>http://testserver/</loc>" in body
    assert "<loc>http://testserver/live/</loc>" in body
    assert "/draft/" not in body
    assert "/private/" not in body
    assert live.live


def test_sitemap_lists_translations(client, home_page):
    from wagtail.models import Locale

    french = home_page.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save_revision().publish()
    body = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/fr/</loc>" in body


def test_robots_txt_names_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_redirects_for_moved_urls(client, home_page):
    page = make_standard_page(home_page, title="Our work", slug="our-work")
    Redirect.objects.create(old_path="/old-work", redirect_page=page)
    response = client.get("/old-work/")
    assert response.status_code == 301
    assert response["Location"].endswith("/our-work/")


def test_renaming_a_page_leaves_a_redirect(
    client, home_page, django_capture_on_commit_callbacks
):
    page = make_standard_page(home_page, title="Old name", slug="old-name")
    page.slug = "new-name"
    # Wagtail makes the redirect once the rename is committed.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get("/old-name/")
    assert response.status_code == 301
    assert response["Location"].endswith("/new-name/")


def test_child_pages_are_under_the_right_url(home_page):
    child = publish_child(
        make_standard_page(home_page, slug="parent"),
        StandardPage(title="Child", slug="child", summary=""),
    )
    assert child.url == "/parent/child/"
