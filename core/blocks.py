"""Content blocks shared by every body stream: heading, text, image, quote, call
to action. Each is editor-ready: label, icon, description, preview, template."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock as WagtailImageBlock

from core.i18n import localize_page, localize_pages

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


class LinkTarget(blocks.StructValue):
    """Where a link block points, with a chosen page in the reader's language."""

    def href(self):
        if self.get("page"):
            page = getattr(self, "page_to_show", None) or localize_page(self["page"])
            return page.url or ""
        if self.get("document"):
            return self["document"].url
        return self.get("url") or ""


def link_href(link):
    """The address of a link block's value; empty for no link."""
    if not isinstance(link, LinkTarget):  # a plain dict, built in code
        link = LinkTarget(None, link or {})
    return link.href()


class LinkBlock(blocks.StructBlock):
    """One destination: a page on this site, a document, or an outside address."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    document = DocumentChooserBlock(label=_("Document"), required=False)
    url = blocks.URLBlock(label=_("Outside address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        chosen = [name for name in ("page", "document", "url") if value.get(name)]
        if len(chosen) != 1:
            message = ValidationError(
                _("Choose exactly one: a page, a document or an outside address.")
            )
            raise StructBlockValidationError(block_errors={"page": message})
        return value

    def bulk_to_python(self, values):
        # Every link of this kind in a stream (all buttons, all timeline
        # steps) is localized together while the stream loads: one query for
        # a translated page, instead of one per link.
        links = super().bulk_to_python(values)
        shown = localize_pages(link.get("page") for link in links)
        for link in links:
            if link.get("page"):
                link.page_to_show = shown[link["page"].pk]
        return links

    class Meta:
        icon = "link"
        label = _("Link")
        form_classname = "link-block"
        value_class = LinkTarget


class LinkValue(blocks.StructValue):
    """A call to action's button address: whichever destination was chosen."""

    def href(self):
        return link_href(self.get("link"))


class CallToActionBlock(blocks.StructBlock):
    """A short appeal with one button."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    button_label = blocks.CharBlock(
        label=_("Button label"),
        max_length=40,
        help_text=_("Say what happens: 'Read the report', not 'Click here'."),
    )
    link = LinkBlock(
        label=_("Button link"),
        help_text=_(
            "Where the button leads: a page of this site, a document or a web address."
        ),
    )

    class Meta:
        icon = "pick"
        label = _("Call to action")
        label_format = "{heading}"
        template = "core/blocks/call_to_action.html"
        value_class = LinkValue
        description = _("A heading, a sentence and one button.")
        preview_value = {
            "heading": "Read the latest report",
            "text": "What the UN recorded this year, and what must change.",
            "button_label": "Read the report",
            "link": {"url": "https://example.org/"},
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every body stream offers."""

    heading = HeadingBlock()
    text = RichTextBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class FooterLinkBlock(blocks.StructBlock):
    """One entry of the footer menu: a page on this site, or an outside address."""

    page = blocks.PageChooserBlock(
        label=_("Page"),
        required=False,
        help_text=_("Readers see the page in their own language when it exists."),
    )
    url = blocks.URLBlock(label=_("Outside address"), required=False)
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=60,
        help_text=_("Defaults to the page title. Required for an outside address."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Choose either a page or an outside address.")
                    )
                }
            )
        if value.get("url") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={
                    "label": ValidationError(_("Give the outside address a label."))
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Footer link")
        label_format = "{label}"
        description = _("A link in the footer menu.")
        preview_value = {
            "url": "https://example.org/annual-report",
            "label": "Annual report",
        }


SOCIAL_NETWORKS = [
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("x", "X (Twitter)"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("threads", "Threads"),
    ("tiktok", "TikTok"),
    ("other", _("Other")),
]


class SocialProfileBlock(blocks.StructBlock):
    """The organisation's profile on a social network, shown as a plain link."""

    network = blocks.ChoiceBlock(label=_("Network"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(
        label=_("Profile address"),
        help_text=_("The full address, e.g. https://mastodon.social/@example."),
    )
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=60,
        help_text=_("Defaults to the network's name."),
    )

    class Meta:
        icon = "site"
        label = _("Social profile")
        label_format = "{network}"
        description = _("A link to the organisation's profile on a social network.")
        preview_value = {
            "network": "mastodon",
            "url": "https://mastodon.social/@example",
        }
