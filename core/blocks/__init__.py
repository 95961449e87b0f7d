"""Content blocks shared by every body stream: heading, text, image, quote, call
to action; and the link blocks of the site settings. Each is editor-ready:
label, icon, description, preview, template. One module per block family,
re-exported here (migrations name `core.blocks.ImageBlock` and
`core.blocks.RichTextBlock`)."""

from wagtail import blocks

from core.blocks.images import ImageBlock
from core.blocks.links import (
    SOCIAL_NETWORKS,
    CallToActionBlock,
    FooterLinkBlock,
    LinkBlock,
    LinkTarget,
    LinkValue,
    SocialProfileBlock,
    link_href,
)
from core.blocks.text import RICH_TEXT_FEATURES, HeadingBlock, QuoteBlock, RichTextBlock

__all__ = [
    "RICH_TEXT_FEATURES",
    "SOCIAL_NETWORKS",
    "BaseStreamBlock",
    "CallToActionBlock",
    "FooterLinkBlock",
    "HeadingBlock",
    "ImageBlock",
    "LinkBlock",
    "LinkTarget",
    "LinkValue",
    "QuoteBlock",
    "RichTextBlock",
    "SocialProfileBlock",
    "link_href",
]


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every body stream offers."""

    heading = HeadingBlock()
    text = RichTextBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
