"""Blocks of a campaign page: key numbers, video, milestones, demands.

The shared blocks (heading, text, image, quote, call to action) come from
`core.blocks`, the resource listing and sign-up blocks from their apps; this
package adds what only campaigns need, one module per block family.
"""

from campaigns.blocks.demands import DemandBlock, DemandsBlock
from campaigns.blocks.key_numbers import KeyFigureChooserBlock, KeyNumbersBlock
from campaigns.blocks.milestones import MilestoneBlock, MilestonesBlock
from campaigns.blocks.video import VideoBlock, parse_video_url
from core.blocks import BaseStreamBlock
from newsletter.blocks import NewsletterSignupBlock
from resources.blocks import ResourceListingBlock

__all__ = [
    "CampaignStreamBlock",
    "DemandBlock",
    "DemandsBlock",
    "KeyFigureChooserBlock",
    "KeyNumbersBlock",
    "MilestoneBlock",
    "MilestonesBlock",
    "VideoBlock",
    "parse_video_url",
]


class CampaignStreamBlock(BaseStreamBlock):
    """The sections of a campaign page."""

    key_numbers = KeyNumbersBlock()
    video = VideoBlock()
    milestones = MilestonesBlock()
    demands = DemandsBlock()
    resource_listing = ResourceListingBlock()
    signup = NewsletterSignupBlock()
