"""Builders for campaign test data: key figures, the index, campaign pages."""

import datetime

from wagtail.models import Locale

from campaigns.models import CampaignIndexPage, CampaignPage, KeyFigure
from tests.factories import publish_child


def make_key_figure(**fields):
    fields.setdefault("locale", Locale.get_default())
    fields.setdefault("figure", "709")
    fields.setdefault("label", "cases of reprisals reported to the UN")
    fields.setdefault("as_of", datetime.date.today() - datetime.timedelta(days=30))
    fields.setdefault("source_title", "Secretary-General's report")
    if "source_document" not in fields:
        fields.setdefault("source_url", "https://example.org/report")
    return KeyFigure.objects.create(**fields)


def make_campaign_index(home, **fields):
    fields.setdefault("title", "Campaigns")
    fields.setdefault("slug", "campaigns")
    return publish_child(home, CampaignIndexPage(**fields))


def make_campaign(index, **fields):
    fields.setdefault("title", "End reprisals")
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
    fields.setdefault("hashtag", "#EndReprisals")
    fields.setdefault("strapline", "Nobody should be punished for talking to the UN.")
    return publish_child(index, CampaignPage(**fields))


def key_numbers(figures, heading="Key numbers"):
    return ("key_numbers", {"heading": heading, "intro": "", "figures": figures})


def video(poster, url="https://www.youtube.com/watch?v=abcdefghijk", title="Film"):
    return (
        "video",
        {"url": url, "title": title, "poster": poster, "transcript": ""},
    )
