"""Milestones: a dated timeline, always shown in date order."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale, Page

from core.blocks import LinkBlock


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


def localized_page_urls(pages):
    """{page id: URL of the page in the reader's language}, in two queries at most.

    LinkValue.href localizes one page at a time; a timeline may link many.
    """
    pages = [page for page in pages if page]
    if not pages:
        return {}
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(
            translation_key__in=[page.translation_key for page in pages],
            locale=Locale.get_active(),
        )
    }
    return {
        page.pk: (translations.get(page.translation_key) or page).get_url()
        for page in pages
    }


def milestone_href(link, page_urls):
    if link.get("page"):
        return page_urls.get(link["page"].pk, "")
    if link.get("document"):
        return link["document"].url
    return link.get("url") or ""


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

    def bulk_to_python(self, values):
        # Localize the linked pages of every timeline on the page at once,
        # while the stream loads them, instead of once per block or per link.
        timelines = super().bulk_to_python(values)
        urls = localized_page_urls(
            [
                (milestone.get("link") or {}).get("page")
                for timeline in timelines
                for milestone in timeline["milestones"]
            ]
        )
        for timeline in timelines:
            timeline.page_urls = urls
        return timelines

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        milestones = sorted(value["milestones"], key=lambda m: m["date"])
        urls = getattr(value, "page_urls", None)
        if urls is None:  # a value not loaded from the database: previews
            urls = localized_page_urls(
                [(m.get("link") or {}).get("page") for m in milestones]
            )
        context["milestones"] = [
            {
                "value": milestone,
                "href": milestone_href(milestone.get("link") or {}, urls),
            }
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
