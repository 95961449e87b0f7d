"""Milestones: a dated timeline, always shown in date order."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import LinkBlock, link_href


class OptionalLinkBlock(LinkBlock):
    """A link that may be left empty; if filled, it has one destination."""

    def clean(self, value):
        value = blocks.StructBlock.clean(self, value)
        chosen = [name for name in ("page", "document", "url") if value.get(name)]
        if len(chosen) > 1:
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Choose at most one: a page, a document or an address.")
                    )
                }
            )
        return value


class MilestoneBlock(blocks.StructBlock):
    """One dated step of the campaign."""

    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("What happened"), max_length=160)
    text = blocks.TextBlock(label=_("Details"), required=False, max_length=400)
    link = OptionalLinkBlock(
        label=_("Link"),
        help_text=_("Optional: a page, document or address to read more."),
    )

    class Meta:
        icon = "date"
        label = _("Milestone")
        label_format = "{date}: {title}"


class MilestonesBlock(blocks.StructBlock):
    """A timeline, always shown in date order."""

    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, default=_("How we got here")
    )
    milestones = blocks.ListBlock(
        MilestoneBlock(),
        min_num=1,
        label=_("Milestones"),
        help_text=_("Add them in any order: the page sorts them by date."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The links' pages are in the reader's language already: LinkBlock
        # localizes every link of the stream together as it loads.
        milestones = sorted(value["milestones"], key=lambda m: m["date"])
        context["milestones"] = [
            {"value": milestone, "href": link_href(milestone.get("link"))}
            for milestone in milestones
        ]
        return context

    class Meta:
        icon = "calendar-alt"
        label = _("Milestones")
        label_format = "{heading}"
        template = "campaigns/blocks/milestones.html"
        description = _("Dated steps of the campaign, shown as a timeline.")
        preview_value = {
            "heading": "How we got here",
            "milestones": [
                {"date": "2021-09-17", "title": "Negotiations open", "text": ""},
                {"date": "2021-10-08", "title": "Resolution adopted", "text": ""},
            ],
        }
