"""Text blocks: section heading, rich text, quote."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# Editors get a small, predictable tool set: no headings above h3 inside text
# (sections use the heading block, so the outline stays in order), no embeds.
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading, with an anchor that other pages can link to."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Section (h2)")),
            ("h3", _("Sub-section (h3)")),
            ("h4", _("Minor (h4)")),
        ],
        default="h2",
        help_text=_("Use h2 for main sections and h3/h4 inside them, in order."),
    )
    anchor = blocks.CharBlock(
        label=_("Anchor"),
        required=False,
        max_length=60,
        help_text=_(
            "Optional link target, e.g. 'key-numbers' lets you link to "
            "#key-numbers. Made from the heading when left empty."
        ),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value.get("anchor") or value.get("text") or "")
        return context

    class Meta:
        icon = "title"
        label = _("Heading")
        label_format = "{text}"
        template = "core/blocks/heading.html"
        description = _("A section heading, listed in the page outline.")
        preview_value = {"text": "What do we want?", "level": "h2", "anchor": ""}


class RichTextBlock(blocks.RichTextBlock):
    """Paragraphs, lists and links, with a limited tool set."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "core/blocks/rich_text.html"
        description = _("Paragraphs, bullet lists and links.")
        preview_value = (
            "<p>Human rights defenders must be able to speak to the United "
            "Nations <b>without fear</b>.</p><ul><li>Document cases</li>"
            "<li>Follow them up</li></ul>"
        )


class QuoteBlock(blocks.StructBlock):
    """A quotation or testimony, attributed."""

    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        max_length=120,
        help_text=_(
            "Who said it. Leave empty, or use a role, when naming someone "
            "could put them at risk."
        ),
    )
    role = blocks.CharBlock(
        label=_("Role or place"),
        required=False,
        max_length=120,
        help_text=_("For example 'human rights defender, Geneva'."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        label_format = "{attribution}"
        template = "core/blocks/quote.html"
        description = _("A testimony or statement, with who said it.")
        preview_value = {
            "quote": "Everyone has the right to speak to the UN safely.",
            "attribution": "A human rights defender",
            "role": "Geneva",
        }
