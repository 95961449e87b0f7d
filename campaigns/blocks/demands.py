"""Demands: what the campaign asks for."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class DemandBlock(blocks.StructBlock):
    """One thing the campaign asks for."""

    demand = blocks.CharBlock(label=_("Demand"), max_length=200)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        max_length=600,
        help_text=_("Optional: why, or what it would change."),
    )

    class Meta:
        icon = "check"
        label = _("Demand")
        label_format = "{demand}"


class DemandsBlock(blocks.StructBlock):
    """What the campaign wants, as a list of demands."""

    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, default=_("What do we want?")
    )
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=600)
    demands = blocks.ListBlock(
        DemandBlock(),
        min_num=1,
        label=_("Demands"),
        help_text=_("One item per demand, in the order readers should read them."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Demands")
        label_format = "{heading}"
        template = "campaigns/blocks/demands.html"
        description = _("A heading and the list of what the campaign asks for.")
        preview_value = {
            "heading": "What do we want?",
            "demands": [
                {"demand": "States speak out against reprisals", "explanation": ""},
                {"demand": "The UN follows up every case", "explanation": ""},
            ],
        }
