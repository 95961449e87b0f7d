"""The pattern library: every component of the design system on one page.

Served at /patterns/ (and /<language>/patterns/, Arabic for right to left)
when settings.PATTERN_LIBRARY is on: in development, and for
`make screenshots`; never in production, where it would be a page nobody
reviewed. Each component is drawn by the template readers get:

- the body blocks from their own preview values, the same ones the editors'
  block previews show, so a block added to the campaign stream appears here
  with no change;
- the hero, outcome banner and cards from the first live pages of the site
  (the demo's, in development), since they need a real page;
- the pager, notices and translation note from made-up values.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from campaigns.blocks import CampaignStreamBlock
from campaigns.hero import hero_action
from campaigns.models import CampaignPage
from resources.models import ResourcePage

COLOUR_TOKENS = [
    "brand", "brand-text", "brand-deep", "wash-brand", "accent", "accent-text",
    "ink", "muted", "paper", "wash", "line", "success", "focus",
]  # fmt: skip
TYPE_STEPS = [
    {"token": step, "class": step.replace("-", "minus-")}
    for step in ("-1", "0", "1", "2", "3", "4", "5")
]
SPACE_STEPS = ["2xs", "xs", "s", "m", "l", "xl", "2xl"]
NOTICES = [
    ("", _("A notice: something the reader should know.")),
    ("notice--success", _("Done: the change was saved.")),
    ("notice--error", _("Something went wrong: nothing was changed.")),
]


def body_blocks(request):
    """(label, HTML) of every campaign body block, from its preview value."""
    context = {"request": request, "page": None}
    return [
        (block.label, block.render(block.get_preview_value(), context))
        for block in CampaignStreamBlock().child_blocks.values()
    ]


def first_live(model, **filters):
    locale = Locale.get_active()
    pages = model.objects.live().public().filter(**filters).order_by("path")
    return pages.filter(locale=locale).first() or pages.first()


def heroes(request):
    """A photo hero and a typographic one, if the site has such campaigns."""
    found = [
        first_live(CampaignPage, hero_image__isnull=False),
        first_live(CampaignPage, hero_image__isnull=True),
    ]
    return [
        {"page": page, "hero_action": hero_action(page, request)}
        for page in found
        if page is not None
    ]


def pattern_library(request):
    if not getattr(settings, "PATTERN_LIBRARY", False):
        raise Http404
    pager = Paginator(range(2000), 10).page(7)
    campaigns = CampaignPage.objects.live().public().order_by("path")
    return TemplateResponse(
        request,
        "home/patterns.html",
        {
            "colour_tokens": COLOUR_TOKENS,
            "type_steps": TYPE_STEPS,
            "space_steps": SPACE_STEPS,
            "heroes": heroes(request),
            "outcome_page": first_live(CampaignPage, outcome_date__isnull=False),
            "campaigns": campaigns.filter(locale=Locale.get_active())[:3]
            or campaigns[:3],
            "resources": ResourcePage.objects.live().public().order_by("path")[:3],
            "blocks": body_blocks(request),
            "pager": pager,
            "pager_range": pager.paginator.get_elided_page_range(pager.number),
            "notices": NOTICES,
        },
    )
