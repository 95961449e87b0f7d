"""Every block an editor can pick from a block menu has a description and a
real preview, and the preview renders."""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField

from tests.factories import make_image

PROJECT_APPS = {"core", "home", "campaigns", "resources", "newsletter"}


def stream_fields():
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS or model._meta.abstract:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                yield f"{model._meta.label}.{field.name}", field.stream_block


def pickable_blocks(block, path):
    """Blocks offered in a block menu: the children of every stream block,
    however deeply nested in structs and lists."""
    if isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield f"{path}.{name}", child
            yield from pickable_blocks(child, f"{path}.{name}")
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from pickable_blocks(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from pickable_blocks(block.child_block, f"{path}.item")


def all_pickable_blocks():
    seen = {}
    for field_path, stream_block in stream_fields():
        for path, block in pickable_blocks(stream_block, field_path):
            seen.setdefault(path, block)
    return sorted(seen.items())


def test_the_project_has_stream_fields_to_check():
    paths = [path for path, _block in all_pickable_blocks()]
    assert any(path.startswith("home.StandardPage.body.") for path in paths)


@pytest.mark.parametrize(("path", "block"), all_pickable_blocks())
def test_block_has_description_and_preview(path, block):
    assert str(block.get_description()).strip(), f"{path} has no description"
    assert block.is_previewable, f"{path} has no preview value or template"
    overridden = type(block).get_preview_value is not blocks.Block.get_preview_value
    assert (
        hasattr(block.meta, "preview_value")
        or overridden
        or hasattr(block.meta, "preview_template")
    ), f"{path} previews only its default value"


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "block"), all_pickable_blocks())
def test_block_preview_renders(admin_client, home_page, path, block):
    make_image("Preview picture")
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200, path
    html = response.content.decode()
    # The preview uses the site's own styles.
    assert "css/site.css" in html, path
