"""Publishing is blocked, with a message saying what to fix, when an image has
no alternative text or a key figure has no source."""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage
from tests.factories import make_image, make_standard_page

pytestmark = pytest.mark.django_db


def image_page_form(page, image, alt_text="", decorative=False):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield(
                [
                    ("text", rich_text("<p>Intro</p>")),
                    (
                        "image",
                        {
                            "image": image.pk,
                            "alt_text": alt_text,
                            "decorative": "on" if decorative else "",
                            "caption": "",
                        },
                    ),
                ]
            ),
            "action-publish": "publish",
        }
    )


def test_publishing_an_image_without_alt_text_is_blocked(home_page, moderator_client):
    page = make_standard_page(home_page, title="Gallery", slug="gallery")
    image = make_image()
    response = moderator_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        image_page_form(page, image),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The page could not be saved due to validation errors" in html
    assert "Describe the image, or mark it as decorative." in html
    page.refresh_from_db()
    assert not any(block.block_type == "image" for block in page.body)


@pytest.mark.parametrize(
    ("alt_text", "decorative"), [("Defenders outside the UN", False), ("", True)]
)
def test_an_image_with_alt_text_or_marked_decorative_publishes(
    home_page, moderator_client, alt_text, decorative
):
    page = make_standard_page(home_page, title="Gallery", slug="gallery")
    response = moderator_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        image_page_form(page, make_image(), alt_text, decorative),
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(pk=page.pk)
    assert any(block.block_type == "image" for block in page.body)


@pytest.mark.skipif(
    "campaigns.KeyFigure" not in {m._meta.label for m in apps.get_models()},
    reason="campaigns app has no KeyFigure",
)
def test_a_key_figure_without_source_is_refused(home_page, staff_client):
    from campaigns.models import KeyFigure

    response = staff_client.post(
        reverse("wagtailsnippets_campaigns_keyfigure:add") + "?locale=en",
        {
            "figure": "709",
            "label": "cases of reprisals",
            "period": "",
            "as_of": "2025-09-01",
            "source_title": "",
            "source_url": "",
            "source_document": "",
        },
    )
    assert response.status_code == 200
    assert "A key figure needs a source" in response.content.decode()
    assert not KeyFigure.objects.exists()


def test_accessibility_checks_run_in_the_editors_preview(home_page, admin_client):
    """Wagtail's checker runs inside the preview panel through the userbar,
    which only previews get: public pages never look at the user."""
    page = make_standard_page(home_page)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    # The preview panel posts the form, then shows the page it renders.
    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": "Edited summary",
            "body": streamfield([]),
        }
    )
    assert admin_client.post(url, form).json()["is_valid"]
    preview = admin_client.get(url)
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Edited summary" in html
    assert "<wagtail-userbar" in html
    assert 'id="checker-axe-configuration"' in html
    public = admin_client.get(page.url).content.decode()
    assert "userbar" not in public
