"""The image block: Wagtail's, with our labels and a caption."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock as WagtailImageBlock


class ImageBlock(WagtailImageBlock):
    """An image with alternative text for screen readers and a caption:
    Wagtail's image block (alt text, decorative flag, alt text required to
    publish) with our labels and a caption.

    Stored as before, {"image", "alt_text", "decorative", "caption"}: Wagtail's
    block reads that dict, so pages saved before need no data migration. Its
    value is the Image itself, as with Wagtail's block, carrying
    `contextual_alt_text`, `decorative` and `caption`.
    """

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        ours = {
            "alt_text": blocks.CharBlock(
                label=_("Alternative text"),
                required=False,
                max_length=250,
                help_text=_(
                    "Describe what the image shows for people who cannot see "
                    "it. Required unless the image is decorative."
                ),
            ),
            "decorative": blocks.BooleanBlock(
                label=_("Decorative"),
                default=False,
                required=False,
                help_text=_(
                    "Tick only if the image adds nothing to the text around it."
                ),
            ),
            "caption": blocks.CharBlock(
                label=_("Caption"), required=False, max_length=250
            ),
        }
        self.child_blocks["image"].label = _("Image")
        for name, block in ours.items():
            block.set_name(name)
            self.child_blocks[name] = block
        self.meta.form_layout = self.get_form_layout()

    def deconstruct(self):
        # Wagtail's block deconstructs as itself; this one must name itself,
        # or migrations would lose the caption.
        return ("core.blocks.ImageBlock", [], self._constructor_kwargs)

    def _struct_value_to_image(self, struct_value):
        image = super()._struct_value_to_image(struct_value)
        if image:
            # Spaces alone describe nothing.
            image.contextual_alt_text = (image.contextual_alt_text or "").strip()
            image.caption = struct_value.get("caption") or ""
        return image

    def _image_to_struct_value(self, image):
        return super()._image_to_struct_value(image) | {
            "caption": getattr(image, "caption", "")
        }

    def get_prep_value(self, value):
        return super().get_prep_value(value) | {
            "caption": getattr(value, "caption", "")
        }

    def get_form_state(self, value):
        return super().get_form_state(value) | {
            "caption": getattr(value, "caption", "")
        }

    def get_form_context(self, value, prefix="", errors=None):
        # Wagtail's builds the form from three keys; ours has four.
        context = blocks.StructBlock.get_form_context(
            self, self._image_to_struct_value(value), prefix=prefix, errors=errors
        )
        context["suggested_alt_text"] = value
        return context

    def get_searchable_content(self, value):
        content = super().get_searchable_content(value)
        if self.search_index and value and value.caption:
            content.append(value.caption)
        return content

    def clean(self, value):
        try:
            value = super().clean(value)
        except StructBlockValidationError as error:
            if "alt_text" not in error.block_errors:
                raise
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the image, or mark it as decorative.")
                    )
                }
            ) from error
        # Wagtail's clean checks only the image; the lengths are ours.
        errors = {}
        for name, text in (
            ("alt_text", value and value.contextual_alt_text),
            ("caption", value and value.caption),
        ):
            try:
                self.child_blocks[name].clean(text or "")
            except ValidationError as error:
                errors[name] = error
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_preview_value(self):
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("pk").first()
        return self.normalize(
            {
                "image": image,
                "alt_text": "Campaigners at the United Nations",
                "decorative": False,
                "caption": "Geneva, 2021",
            }
        )

    class Meta:
        icon = "image"
        label = _("Image")
        label_format = "{caption}"
        template = "core/blocks/image.html"
        description = _("A picture with alternative text and an optional caption.")
