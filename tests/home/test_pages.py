"""Home and standard pages: where they may be created, and that they render."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests import factories


class HomeAndStandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = factories.make_site_with_home()
        cls.about = factories.make_standard_page(cls.home, show_in_menus=True)

    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_pages_render_and_preview(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(self.about)
        self.assertPageIsPreviewable(
            self.home,
            post_data=nested_form_data(
                {
                    "title": "Home",
                    "slug": "home",
                    "heading": "A heading",
                    "intro": rich_text("<p>Intro</p>"),
                    "body": streamfield([]),
                }
            ),
        )
        self.assertPageIsPreviewable(
            self.about,
            post_data=nested_form_data(
                {
                    "title": "About",
                    "slug": "about-us",
                    "summary": "",
                    "body": streamfield([("text", rich_text("<p>Hello</p>"))]),
                }
            ),
        )

    def test_home_page_shows_heading_navigation_and_landmarks(self):
        response = self.client.get("/")
        self.assertContains(response, "<h1", count=1)
        self.assertContains(response, 'href="#main-content"')
        self.assertContains(response, '<main id="main-content"')
        self.assertContains(response, 'aria-label="Main"')
        self.assertContains(response, '<a href="/about-us/">About us</a>', html=True)
        self.assertContains(response, '<html lang="en"')

    def test_inner_pages_have_breadcrumbs(self):
        response = self.client.get("/about-us/")
        self.assertContains(response, 'aria-label="Breadcrumb"')
        self.assertContains(response, 'aria-current="page"')


@pytest.mark.django_db
def test_unknown_address_gets_the_designed_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"<main" in response.content


@pytest.mark.django_db
def test_page_in_french_is_served_under_fr_with_switcher_and_hreflang(
    client, home_page
):
    from wagtail.models import Locale

    french_home = home_page.copy_for_translation(Locale.objects.get(language_code="fr"))
    french_home.title = "Accueil"
    french_home.save_revision().publish()

    response = client.get("/fr/")
    assert response.status_code == 200
    assert b'<html lang="fr"' in response.content
    assert b'hreflang="en"' in response.content
    english = client.get("/")
    assert b'hreflang="fr"' in english.content
    assert "Français".encode() in english.content


@pytest.mark.django_db
def test_language_switcher_is_absent_without_translations(client, home_page):
    response = client.get("/")
    assert b"hreflang" not in response.content
