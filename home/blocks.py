"""The home page's body: the shared blocks, in sections the editor orders."""

from core.blocks import BaseStreamBlock


class HomeStreamBlock(BaseStreamBlock):
    """Sections of the home page below the introduction."""
