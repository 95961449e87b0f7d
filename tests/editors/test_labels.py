"""Every field an editor meets has a translated label, and help text where its
meaning is not obvious: every block of every StreamField, walked down to the
leaves, and every panel field of page, snippet and settings models."""

import pytest
from django.apps import apps
from django.utils.functional import Promise
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

PROJECT_APPS = {"core", "home", "campaigns", "resources", "newsletter"}
# Names whose label says it all; anything else needs help text.
OBVIOUS = {
    "title", "slug", "heading", "text", "intro", "caption", "quote", "image",
    "date", "demand", "item", "url", "page", "document", "network", "name",
    "body", "summary", "figure", "hero_image", "email", "first_name",
    "resource", "resource_type", "kind",
    # Wagtail's own scheduling fields, explained in its publishing dialog.
    "go_live_at", "expire_at",
}  # fmt: skip


def child_blocks(block, path):
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        children = block.child_blocks.items()
    elif isinstance(block, blocks.ListBlock):
        children = [("item", block.child_block)]
    else:
        children = []
    for name, child in children:
        yield f"{path}.{name}", name, child
        yield from child_blocks(child, f"{path}.{name}")


def block_help(block):
    field = getattr(block, "field", None)
    return (
        getattr(block.meta, "help_text", None)
        or getattr(block.meta, "description", None)
        or (field is not None and field.help_text)
    )


def project_models():
    return [m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS]


def every_block():
    for model in project_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                yield from child_blocks(
                    field.stream_block, f"{model.__name__}.{field.name}"
                )


def panel_fields(model):
    def walk(panel):
        if isinstance(panel, FieldPanel):
            yield panel.field_name
        for child in getattr(panel, "children", []):
            yield from walk(child)

    if not hasattr(model, "get_edit_handler"):
        panels = getattr(model, "panels", [])
        for panel in panels:
            yield from walk(panel)
        return
    yield from walk(model.get_edit_handler())


@pytest.mark.parametrize("path,name,block", list(every_block()), ids=lambda x: "")
def test_every_block_is_labelled_and_explained(path, name, block):
    assert isinstance(block.label, Promise), f"{path}: label not translatable"
    assert name in OBVIOUS or block_help(block), f"{path}: no help text"


def model_fields():
    for model in project_models():
        if model._meta.abstract:
            continue
        for name in panel_fields(model):
            try:
                field = model._meta.get_field(name)
            except Exception:  # noqa: S112 - a panel on a non-field attribute
                continue
            yield model, field


@pytest.mark.parametrize("model,field", list(model_fields()), ids=lambda x: "")
def test_every_panel_field_is_labelled_and_explained(model, field):
    where = f"{model.__name__}.{field.name}"
    label = getattr(field, "verbose_name", None)
    assert isinstance(label, Promise), f"{where}: label not translatable"
    assert field.name in OBVIOUS or getattr(field, "help_text", ""), (
        f"{where}: no help text"
    )
