"""Site settings appear on every page; the onion address becomes a header."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from core.models import SiteSettings
from tests.factories import make_image, make_standard_page

pytestmark = pytest.mark.django_db

ONION = "http://" + "a" * 56 + ".onion"


def site_settings(**values):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return settings


def test_settings_are_rendered_on_pages(client, home_page):
    privacy = make_standard_page(home_page, title="Privacy notice", slug="privacy")
    about = make_standard_page(home_page, title="About us", slug="about")
    site_settings(
        organisation_name="Defenders at the UN",
        footer_text="An independent organisation.",
        contact_email="info@example.org",
        privacy_notice=privacy,
        logo=make_image("Logo"),
        footer_links=[
            ("link", {"page": about, "url": "", "label": ""}),
            (
                "link",
                {
                    "page": None,
                    "url": "https://example.org/report",
                    "label": "2025 report",
                },
            ),
        ],
        social_profiles=[
            (
                "profile",
                {
                    "network": "mastodon",
                    "url": "https://mastodon.social/@d",
                    "label": "",
                },
            ),
        ],
    )
    html = client.get(about.url).content.decode()
    assert "Defenders at the UN" in html
    assert "An independent organisation." in html
    assert 'href="mailto:info@example.org"' in html
    assert 'href="/privacy/"' in html
    assert 'class="site-header__logo"' in html
    # Sharp on a phone's dense screen (Lighthouse emulates 1.75 pixels per
    # CSS pixel): a 2x rendition beside the 40 px one.
    assert ".height-40.format-webp.webp 1x," in html
    assert ".height-80.format-webp.webp 2x" in html
    # The footer menu: the page under its own title, the outside link labelled.
    assert '<a href="/about/">About us</a>' in html
    assert '<a href="https://example.org/report">2025 report</a>' in html
    # Social profiles are plain links: nothing is loaded from the networks.
    # A network's name is a name: not for translation tools to translate.
    assert (
        '<a href="https://mastodon.social/@d" rel="me noopener" translate="no">'
        "Mastodon</a>" in html
    )
    assert "<iframe" not in html
    assert 'mastodon.social/@d"' not in html.split("<footer")[0]


def test_footer_menu_uses_the_readers_language(client, home_page):
    from wagtail.models import Locale

    about = make_standard_page(home_page, title="About us", slug="about")
    french_home = home_page.copy_for_translation(Locale.objects.get(language_code="fr"))
    french_home.save_revision().publish()
    french_about = about.copy_for_translation(Locale.objects.get(language_code="fr"))
    french_about.title = "Qui sommes-nous"
    french_about.save_revision().publish()
    site_settings(footer_links=[("link", {"page": about, "url": "", "label": ""})])
    html = client.get("/fr/about/").content.decode()
    assert '<a href="/fr/about/">Qui sommes-nous</a>' in html


def test_footer_menu_queries_do_not_grow_with_links(
    client, home_page, django_assert_max_num_queries
):
    pages = [
        make_standard_page(home_page, title=f"Page {n}", slug=f"page-{n}")
        for n in range(8)
    ]
    site_settings(footer_links=[("link", {"page": pages[0], "url": "", "label": ""})])
    client.get("/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get("/")
    # Counted now: the next request empties the connection's query log.
    queries_with_one_link = len(one)
    site_settings(
        footer_links=[("link", {"page": p, "url": "", "label": ""}) for p in pages]
    )
    client.get("/")  # saving the settings emptied the cached footer
    with django_assert_max_num_queries(queries_with_one_link):
        html = client.get("/").content.decode()
    assert "Page 7" in html


def test_onion_location_header_when_set(client, home_page):
    page = make_standard_page(home_page)
    site_settings(onion_location=ONION)
    response = client.get(page.url + "?x=1")
    assert response["Onion-Location"] == f"{ONION}{page.url}?x=1"
    # Not on the admin, nor on non-HTML responses.
    assert "Onion-Location" not in client.get("/robots.txt")
    assert "Onion-Location" not in client.get("/admin/login/")


def test_no_onion_location_header_when_not_set(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    assert "Onion-Location" not in response


@pytest.mark.parametrize(
    "address",
    ["https://example.org", "ftp://abc.onion", f"{ONION}/path", "not a url"],
)
def test_onion_address_must_be_an_onion_service(home_page, address):
    with pytest.raises(ValidationError):
        site_settings(onion_location=address)


def test_public_pages_set_no_cookie_and_do_not_vary_on_it(client, home_page):
    page = make_standard_page(home_page)
    site_settings(onion_location=ONION, logo=make_image("Logo"))
    for url in (home_page.url, page.url, "/search/?q=about", "/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


def test_moderators_edit_site_settings_in_the_admin(moderator_client, home_page):
    from django.urls import reverse

    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("core", "sitesettings", site.pk))
    response = moderator_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Footer menu", "Social profiles", "Onion address", "Logo"):
        assert label in html


def test_staff_cannot_open_site_settings(staff_client, home_page):
    from django.urls import reverse

    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("core", "sitesettings", site.pk))
    assert staff_client.get(url).status_code in (302, 403)


def test_privacy_notice_link_follows_the_readers_language(client, home_page):
    from wagtail.models import Locale

    privacy = make_standard_page(home_page, title="Privacy notice", slug="privacy")
    site_settings(privacy_notice=privacy)
    french = Locale.objects.get(language_code="fr")
    home_page.copy_for_translation(french).save_revision().publish()
    french_privacy = privacy.copy_for_translation(french)
    french_privacy.save_revision().publish()
    assert 'href="/fr/privacy/">' in client.get("/fr/").content.decode()
    assert 'href="/privacy/">' in client.get("/").content.decode()
    privacy.unpublish()
    assert 'href="/privacy/"' not in client.get("/").content.decode()
