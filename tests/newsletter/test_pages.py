"""The sign-up page and block: the form renders cookie-free, cacheable, accessible."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StreamBlock, StreamValue
from wagtail.test.utils import WagtailPageTestCase

from core.models import SiteSettings
from home.models import HomePage
from newsletter.blocks import NewsletterSignupBlock
from newsletter.models import MailingList, SignupPage
from tests.factories import make_site_with_home, make_standard_page, publish_child

pytestmark = pytest.mark.django_db


def test_signup_page_lives_under_the_home_page_only():
    assert SignupPage.parent_page_types == ["home.HomePage"]
    assert SignupPage.subpage_types == []
    assert SignupPage.can_create_at(HomePage())


def test_signup_page_shows_the_form_without_cookie_or_vary_cookie(
    client, signup_page, home_page
):
    privacy = make_standard_page(home_page, title="Privacy notice", slug="privacy")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.privacy_notice = privacy
    site_settings.save()

    response = client.get("/join/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="/newsletter/subscribe/"' in html
    assert 'name="csrfmiddlewaretoken"' not in html
    assert 'name="token"' in html and 'name="website"' in html
    assert 'type="checkbox"' not in html  # consent is a statement, not a box
    assert 'href="/privacy/"' in html
    assert "#EndReprisals updates" in html
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert html.count("<h1") == 1


def test_every_control_has_a_label(client, signup_page):
    html = client.get("/join/").content.decode()
    for control in ("email", "first_name", "website"):
        assert f'for="signup-{control}"' in html
        assert f'id="signup-{control}"' in html


class _Body(StreamBlock):
    signup = NewsletterSignupBlock()


def _render(blocks, page, request):
    body = StreamValue(_Body(), [("signup", value) for value in blocks])
    return "".join(
        child.render_as_block(context={"page": page, "request": request})
        for child in body
    )


def _request(page):
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    request.site = page.get_site()
    return request


def test_block_renders_the_form_for_its_list(signup_page, mailing_list):
    other = MailingList.objects.create(
        name="Reports", description="New reports.", locale=mailing_list.locale
    )
    value = NewsletterSignupBlock().to_python(
        {
            "heading": "Join us!",
            "text": "Join our email list to receive the latest updates.",
            "mailing_list": other.pk,
            "button_label": "Count me in",
            "ask_first_name": False,
        }
    )
    html = _render([value], signup_page, _request(signup_page))
    assert "<h2" in html and "Join us!" in html
    assert "Reports" in html and "Count me in" in html
    assert 'name="first_name"' not in html
    assert "csrfmiddlewaretoken" not in html


def test_block_without_a_list_uses_the_default_or_shows_nothing(
    signup_page, newsletter_settings
):
    value = NewsletterSignupBlock().to_python({"heading": "Join us!"})
    html = _render([value], signup_page, _request(signup_page))
    assert "#EndReprisals updates" in html
    newsletter_settings.default_list = None
    newsletter_settings.save()
    assert "<form" not in _render([value], signup_page, _request(signup_page))


def test_block_preview_value_is_usable(newsletter_settings):
    block = NewsletterSignupBlock()
    value = block.normalize(block.get_preview_value())
    assert value["heading"]


def test_block_queries_do_not_grow_with_the_number_of_blocks(signup_page, mailing_list):
    value = NewsletterSignupBlock().to_python(
        {"heading": "Join", "mailing_list": mailing_list.pk}
    )
    request = _request(signup_page)
    _render([value], signup_page, request)  # warm per-process caches
    counts = []
    for copies in (1, 6):
        request = _request(signup_page)
        with CaptureQueriesContext(connection) as queries:
            _render([value] * copies, signup_page, request)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


class SignupPageEditorTests(WagtailPageTestCase):
    """Editors can create, render and preview a sign-up page."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_with_home()
        cls.page = publish_child(cls.home, SignupPage(title="Join", slug="join"))

    def test_tree_rules(self):
        self.assertCanCreateAt(HomePage, SignupPage)
        self.assertAllowedSubpageTypes(SignupPage, {})

    def test_renderable_and_previewable(self):
        self.assertPageIsRenderable(self.page)
        self.assertPageIsPreviewable(self.page)
