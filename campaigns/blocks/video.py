"""The video block: a poster and a play button; the host's player only on click."""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import RichTextBlock

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
    # Posters load in one query with the page's other video blocks; their
    # renditions come from Wagtail's rendition cache, so prefetching them
    # would only add a query to every render.
    poster = ImageChooserBlock(
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
