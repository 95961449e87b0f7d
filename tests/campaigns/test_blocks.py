"""Every campaign block is editor-ready: labelled, described, and previewable."""

import pytest
from django.urls import reverse

from campaigns.blocks import CampaignStreamBlock
from tests import factories
from tests.campaigns.builders import make_key_figure

CAMPAIGN_BLOCKS = ["key_numbers", "video", "milestones", "demands"]


def test_campaign_body_offers_every_block_of_the_design():
    assert set(CampaignStreamBlock.base_blocks) >= {
        "heading",
        "text",
        "image",
        "quote",
        "call_to_action",
        "key_numbers",
        "video",
        "milestones",
        "demands",
        "resource_listing",
        "signup",
    }


@pytest.mark.parametrize("name", CAMPAIGN_BLOCKS)
def test_block_has_editor_metadata(name):
    block = CampaignStreamBlock().child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.description and block.meta.template
    assert str(block.label)


@pytest.mark.parametrize("with_content", [False, True])
@pytest.mark.parametrize("name", CAMPAIGN_BLOCKS)
def test_block_preview_renders(admin_client, name, with_content):
    if with_content:  # previews use real figures and images when there are some
        make_key_figure()
        factories.make_image()
    block = CampaignStreamBlock().child_blocks[name]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert b"<h2" in response.content or b"video__frame" in response.content
