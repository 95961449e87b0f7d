"""Link blocks: one destination, a call to action, the footer menu and the
organisation's social profiles."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from core.i18n import localize_page, localize_pages


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
