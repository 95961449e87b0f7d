"""Answers kept in the content cache (the Site, the page at a path, its
ancestors, the view restrictions, the locales, the settings) are never stale:
a change that shows on a public page moves the generation on, and a change to
the structure (sites, settings, locales, restrictions, a move) the structure
generation too."""

import pytest
from wagtail.models import Locale, PageViewRestriction

from core.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page):
    section = factories.make_standard_page(home_page, title="Section", slug="section")
    factories.make_standard_page(section, title="Inside", slug="inside")
    return section


def test_a_restriction_added_after_a_page_was_served_applies_at_once(client, section):
    assert b"Inside" in client.get("/section/inside/").content  # remembered
    PageViewRestriction.objects.create(
        page=section, restriction_type="password", password="x"
    )
    response = client.get("/section/inside/")
    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert "public" not in response.get("Cache-Control", "")


def test_a_restriction_removed_stops_applying_at_once(client, section):
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type="password", password="x"
    )
    assert b'name="password"' in client.get("/section/inside/").content
    restriction.delete()
    assert b'name="password"' not in client.get("/section/inside/").content


def test_a_moved_page_is_served_at_its_new_path_only(client, home_page, section):
    other = factories.make_standard_page(home_page, title="Other", slug="other")
    assert client.get("/section/inside/").status_code == 200  # remembered
    inside = section.get_children().get(slug="inside")
    inside.move(other, pos="last-child")
    # The old path redirects (Wagtail makes the redirect on a move).
    assert client.get("/section/inside/").status_code in (301, 404)
    assert client.get("/other/inside/").status_code == 200


def test_a_settings_save_shows_on_the_next_page(client, home_page, section):
    client.get("/section/")  # the settings remembered
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.organisation_name = "Renamed Org"
    site_settings.save()
    assert b"Renamed Org" in client.get("/section/").content


def test_saving_a_locale_moves_the_generation_on(home_page):
    from core.serving import page_cache

    before = page_cache.generation()
    Locale.objects.get(language_code="en").save()
    assert page_cache.generation() != before


def test_saving_a_locale_site_or_setting_moves_the_structure_generation_on(home_page):
    from core.serving import page_cache

    site = home_page.get_site()
    for change in (
        lambda: Locale.objects.get(language_code="en").save(),
        site.save,
        lambda: SiteSettings.for_site(site).save(),
    ):
        before = page_cache.structure_generation()
        change()
        assert page_cache.structure_generation() != before


def test_a_publish_leaves_the_structure_warm_and_shows_at_once(client, home_page):
    from core.serving import page_cache

    client.get("/")
    structure = page_cache.structure_generation()
    home_page.title = "Renamed home"
    home_page.save_revision().publish()
    assert page_cache.structure_generation() == structure
    # The home page is kept under the content generation, apart from its Site.
    assert b"Renamed home" in client.get("/").content


def test_a_restricted_section_moved_stays_restricted(client, home_page, section):
    PageViewRestriction.objects.create(
        page=section, restriction_type="password", password="x"
    )
    other = factories.make_standard_page(home_page, title="Other", slug="other")
    from core.serving import page_cache

    assert b'name="password"' in client.get("/section/inside/").content
    structure = page_cache.structure_generation()
    section.move(other, pos="last-child")
    # `.public()` listings match restrictions by tree path, which a move changes.
    assert page_cache.structure_generation() != structure
    # The remembered restriction holds its page's tree path: a move renews it.
    assert b'name="password"' in client.get("/other/section/inside/").content
    factories.make_standard_page(home_page, title="Open", slug="open")
    open_response = client.get("/open/")
    assert open_response.status_code == 200
    assert b'name="password"' not in open_response.content
