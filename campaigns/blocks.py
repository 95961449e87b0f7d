"""Blocks of a campaign page: key numbers, video, milestones, demands.

The shared blocks (heading, text, image, quote, call to action) come from
`core.blocks`; this module adds what only campaigns need.
"""

import copy
import datetime
import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import BaseStreamBlock, LinkBlock, LinkValue, RichTextBlock
from newsletter.blocks import NewsletterSignupBlock
from resources.blocks import ResourceListingBlock


def _in_bulk_in_order(queryset, values):
    """`values` (primary keys, maybe repeated or None) as instances, in order.

    The same contract as Wagtail's ChooserBlock.bulk_to_python, with a
    queryset of our choosing so related rows come in the same query.
    """
    objects = queryset.in_bulk([value for value in values if value is not None])
    seen, result = set(), []
    for pk in values:
        obj = objects.get(pk)
        if obj is not None and pk in seen:
            obj = copy.copy(obj)
        result.append(obj)
        seen.add(pk)
    return result


class KeyFigureChooserBlock(SnippetChooserBlock):
    """Picks one key figure; a page's figures and their documents load at once."""

    def __init__(self, **kwargs):
        super().__init__("campaigns.KeyFigure", **kwargs)

    def bulk_to_python(self, values):
        queryset = self.model_class.objects.select_related("source_document")
        return _in_bulk_in_order(queryset, list(values))

    class Meta:
        icon = "decimal"
        label = _("Key figure")


class KeyNumbersBlock(blocks.StructBlock):
    """A heading and up to six key figures, each with its source."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        default=_("Key numbers to remember"),
    )
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        max_length=300,
        help_text=_("Optional sentence under the heading."),
    )
    figures = blocks.ListBlock(
        KeyFigureChooserBlock(),
        min_num=1,
        max_num=6,
        label=_("Figures"),
        help_text=_(
            "Choose 1 to 6 figures from Snippets > Key figures. Editing a "
            "figure there updates every page that shows it."
        ),
    )

    def get_preview_value(self):
        from campaigns.models import KeyFigure

        figures = list(KeyFigure.objects.select_related("source_document")[:3])
        if not figures:
            figures = [
                KeyFigure(
                    figure="709",
                    label="cases of reprisals reported to the UN, 2010-2020",
                    as_of=datetime.date(2021, 9, 1),
                    source_title="UN Secretary-General's reports",
                    source_url="https://example.org/",
                )
            ]
        return self.normalize({"heading": "Key numbers", "figures": figures})

    class Meta:
        icon = "decimal"
        label = _("Key numbers")
        label_format = "{heading}"
        template = "campaigns/blocks/key_numbers.html"
        description = _("Big figures with what they count and their source.")


# The video hosts we know how to embed without tracking, and how to find the
# video's id in the addresses editors paste.
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_PATH = re.compile(r"^/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})/?$")
VIMEO_PATH = re.compile(
    r"^/(?:video/|channels/[\w-]+/|groups/[\w-]+/videos/)?(\d+)(?:/([0-9a-f]+))?/?$"
)


def parse_video_url(url):
    """(provider, video id, private hash) for a YouTube or Vimeo address, or None."""
    parts = urlsplit((url or "").strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https"):
        return None
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            candidate = parts.path.strip("/")
        elif parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        else:
            match = YOUTUBE_PATH.match(parts.path)
            candidate = match.group(1) if match else ""
        return ("youtube", candidate, "") if YOUTUBE_ID.match(candidate) else None
    if host in VIMEO_HOSTS:
        match = VIMEO_PATH.match(parts.path)
        if not match:
            return None
        private_hash = match.group(2) or (parse_qs(parts.query).get("h") or [""])[0]
        return ("vimeo", match.group(1), private_hash)
    return None


class VideoValue(blocks.StructValue):
    """What the video templates need, worked out from the stored address."""

    def _parsed(self):
        return parse_video_url(self.get("url")) or ("", "", "")

    def provider(self):
        return self._parsed()[0]

    def video_id(self):
        return self._parsed()[1]

    def private_hash(self):
        return self._parsed()[2]

    def host_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(self.provider(), "")

    def watch_url(self):
        provider, video_id, private_hash = self._parsed()
        if provider == "youtube":
            return f"https://www.youtube.com/watch?v={video_id}"
        if provider == "vimeo":
            suffix = f"/{private_hash}" if private_hash else ""
            return f"https://vimeo.com/{video_id}{suffix}"
        return ""


# The poster renditions video.html asks for, fetched with the images. The
# spec strings must match the {% picture %} tag's exactly (format first).
POSTER_FORMATS = ("avif", "webp", "jpeg")
POSTER_SIZES = ("640x360", "1280x720")
POSTER_SPECS = [
    f"format-{fmt}|fill-{size}" for fmt in POSTER_FORMATS for size in POSTER_SIZES
]


class PosterChooserBlock(ImageChooserBlock):
    """An image chooser whose images arrive with their poster renditions."""

    def bulk_to_python(self, values):
        queryset = get_image_model().objects.prefetch_renditions(*POSTER_SPECS)
        return _in_bulk_in_order(queryset, list(values))


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads nothing from the host until played."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_(
            "The YouTube or Vimeo page of the video, e.g. "
            "https://www.youtube.com/watch?v=... Other hosts are not supported."
        ),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        help_text=_("Names the play button and the player for screen readers."),
    )
    poster = PosterChooserBlock(
        label=_("Poster image"),
        help_text=_(
            "Shown until the visitor presses play, from this site: no request "
            "reaches the video host before that. 16:9 works best."
        ),
    )
    transcript = RichTextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("What is said and shown, for people who cannot watch."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and parse_video_url(value["url"]) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _(
                            "Use the address of a YouTube or Vimeo video, e.g. "
                            "https://www.youtube.com/watch?v=... or "
                            "https://vimeo.com/123456. Other hosts cannot be "
                            "shown without tracking visitors."
                        )
                    )
                }
            )
        return value

    def get_preview_value(self):
        return self.normalize(
            {
                "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
                "title": "Reprisals at the UN at a glance",
                "poster": get_image_model().objects.order_by("pk").first(),
            }
        )

    class Meta:
        icon = "media"
        label = _("Video")
        label_format = "{title}"
        template = "campaigns/blocks/video.html"
        value_class = VideoValue
        description = _(
            "A YouTube or Vimeo video behind a poster: nothing loads from the "
            "host until the visitor presses play."
        )


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
        value_class = LinkValue


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
        context["milestones"] = sorted(value["milestones"], key=lambda m: m["date"])
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
    demands = blocks.ListBlock(DemandBlock(), min_num=1, label=_("Demands"))

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


class CampaignStreamBlock(BaseStreamBlock):
    """The sections of a campaign page."""

    key_numbers = KeyNumbersBlock()
    video = VideoBlock()
    milestones = MilestonesBlock()
    demands = DemandsBlock()
    resource_listing = ResourceListingBlock()
    signup = NewsletterSignupBlock()
