"""The image block is Wagtail's (alt text, decorative flag) with our caption:
pages saved before the change read and render as they did, with no data
migration."""

import json

import pytest
from django.db import connection

from core.blocks import ImageBlock
from home.models import StandardPage
from tests.factories import make_image, make_standard_page

pytestmark = pytest.mark.django_db


def store_raw_body(page, stream):
    """Write the body as the old block stored it, bypassing the new block."""
    table = StandardPage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET body = %s WHERE page_ptr_id = %s",  # noqa: S608
            [json.dumps(stream), page.pk],
        )


def old_image_block(image, alt_text="", decorative=False, caption=""):
    return {
        "type": "image",
        "id": f"old-{image.pk}-{decorative}",
        "value": {
            "image": image.pk,
            "alt_text": alt_text,
            "decorative": decorative,
            "caption": caption,
        },
    }


def test_old_stream_data_loads_as_images_with_alt_text_and_caption(home_page):
    page = make_standard_page(home_page, title="Gallery", slug="gallery")
    image = make_image("UN building")
    store_raw_body(
        page,
        [
            old_image_block(image, "Defenders outside the UN", caption="Geneva"),
            old_image_block(image, "ignored", decorative=True),
        ],
    )
    body = StandardPage.objects.get(pk=page.pk).body
    described, decorative = (block.value for block in body)
    assert described.pk == decorative.pk == image.pk
    assert described.contextual_alt_text == "Defenders outside the UN"
    assert described.caption == "Geneva"
    assert not described.decorative
    assert decorative.decorative and decorative.contextual_alt_text == ""

    html = str(body)
    assert 'alt="Defenders outside the UN"' in html
    assert "<figcaption>Geneva</figcaption>" in html
    assert 'alt=""' in html  # the decorative one


def test_saving_keeps_the_stored_shape(home_page):
    block = ImageBlock()
    image = make_image()
    value = block.to_python(
        {"image": image.pk, "alt_text": " A room ", "decorative": False, "caption": "C"}
    )
    assert block.get_prep_value(value) == {
        "image": image.pk,
        "alt_text": "A room",
        "decorative": False,
        "caption": "C",
    }


def test_spaces_are_not_alt_text():
    from django.core.exceptions import ValidationError

    block = ImageBlock()
    value = block.normalize(
        {"image": make_image(), "alt_text": "   ", "decorative": False}
    )
    with pytest.raises(ValidationError):
        block.clean(value)
