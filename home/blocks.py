"""The home page's body: shared blocks plus resource listings and sign-up."""

from campaigns.blocks import KeyNumbersBlock
from core.blocks import BaseStreamBlock
from newsletter.blocks import NewsletterSignupBlock
from resources.blocks import ResourceListingBlock


class HomeStreamBlock(BaseStreamBlock):
    """Sections of the home page below the featured campaign."""

    key_numbers = KeyNumbersBlock()
    resource_listing = ResourceListingBlock()
    signup = NewsletterSignupBlock()
