"""Demo content of the campaigns app: #EndReprisals and two other campaigns.

Written in the project's own words from the facts of the organisation's
campaign page; the copy of each language lives in its `copy_<language>` module.
Safe to run again: what exists is left as it is, only what is absent is made.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from campaigns.demo import copy_ar, copy_en, copy_es, copy_fr
from campaigns.models import CampaignIndexPage, CampaignPage, KeyFigure
from core.demo import demo_image, ensure_child_page, ensure_translation
from newsletter.demo import DEMO_LIST_NAME
from newsletter.models import MailingList, SignupPage
from resources.models import ResourcePage

# The languages the campaign is translated into, each with its copy module.
TRANSLATIONS = {"fr": copy_fr, "es": copy_es, "ar": copy_ar}
# The two papers on China that the campaign page recommends (resources' demo).
CHINA_PAPERS = ["china-reprisals-submission-2023", "china-un-treaty-bodies"]
# A placeholder: no real video has this id, so Play finds nothing; the
# block's title says so (copy_*.BODY["video_title"]) until an editor pastes
# the organisation's own video.
VIDEO_URL = "https://www.youtube.com/watch?v=EndReprisal"
# The figures come from our study, the library's paper with this slug.
STUDY_SLUG = "reprisals-un-decade-review"
STUDY_DATE = datetime.date(2021, 9, 1)
FIGURE_PERIODS = {"709": "2010-2020", "31%": "2010-2020", "50%": ""}
# The one figure dated as it was first written, so the admin shows its
# out-of-date warning on purpose (see DEMO_NOTES); the other two count a
# closed period and were checked when the demo was made.
STALE_ON_PURPOSE = "50%"
DEMO_NOTES = (
    f"The key figure {STALE_ON_PURPOSE!r} is dated {STUDY_DATE:%Y-%m-%d} on purpose, "
    "to show the admin's out-of-date warning; the #EndReprisals video is a "
    "placeholder (no such video exists): paste your own in the video block."
)


def figure_as_of(figure_text):
    if figure_text == STALE_ON_PURPOSE:
        return STUDY_DATE
    # Relative to the day the demo is made, so a fresh demo never shows the
    # warning on these however old the code is.
    return timezone.localdate().replace(day=1)


def study_url():
    """The study's page in the library, where readers can check the figures."""
    study = ResourcePage.objects.filter(slug=STUDY_SLUG).first()
    return (study.full_url if study else "") or "https://www.ohchr.org/en/reprisals"


def load_key_figures(copy, locale):
    """The three figures of the #EndReprisals page, in the copy's language.

    Other languages are translations of the English figures, so the admin
    shows them as one figure in several languages.
    """
    figures = []
    english = Locale.get_default()
    for figure_text, label in copy.FIGURE_LABELS.items():
        fields = {
            "label": label,
            "period": FIGURE_PERIODS[figure_text],
            "as_of": figure_as_of(figure_text),
            "source_title": copy.FIGURE_SOURCE,
            "source_url": study_url(),
        }
        original = KeyFigure.objects.filter(locale=english, figure=figure_text).first()
        figure = original.get_translation_or_none(locale) if original else None
        if figure is not None:
            figures.append(figure)
            continue
        if original is not None:
            figure = original.copy_for_translation(locale)
        else:
            figure = KeyFigure(locale=locale, figure=figure_text)
        for name, value in fields.items():
            setattr(figure, name, value)
        figure.save()
        figures.append(figure)
    return figures


def text(html):
    return ("text", html)


def heading(words, level="h2", anchor=""):
    return ("heading", {"text": words, "level": level, "anchor": anchor})


def no_link():
    return {"page": None, "document": None, "url": ""}


def join_us_blocks(home, copy):
    """A call to the sign-up page mid-page, and the sign-up form at the end."""
    join_page = SignupPage.objects.child_of(home).first()
    mailing_list = MailingList.objects.filter(
        name=DEMO_LIST_NAME, locale=Locale.get_default()
    ).first()
    cta_heading, cta_text, cta_button = copy.BODY["cta"]
    middle = []
    if join_page:
        middle.append(
            (
                "call_to_action",
                {
                    "heading": cta_heading,
                    "text": cta_text,
                    "button_label": cta_button,
                    "link": {"page": join_page, "document": None, "url": ""},
                },
            )
        )
    signup_heading, signup_text, signup_button = copy.BODY["signup"]
    end = [
        (
            "signup",
            {
                "heading": signup_heading,
                "text": signup_text,
                "mailing_list": mailing_list,
                "button_label": signup_button,
                "ask_first_name": False,
            },
        )
    ]
    return middle, end


def further_reading_blocks(copy):
    """The two China papers, as editors would pick them in a resource listing."""
    papers = {
        page.slug: page
        for page in ResourcePage.objects.filter(
            slug__in=CHINA_PAPERS, locale=Locale.get_default()
        )
    }
    items = [papers[slug] for slug in CHINA_PAPERS if slug in papers]
    if not items:
        return []
    listing_heading, listing_intro = copy.BODY["further_reading"]
    return [
        (
            "resource_listing",
            {
                "mode": "chosen",
                "heading": listing_heading,
                "intro": listing_intro,
                "items": items,
                "tag": "",
                "resource_type": "",
                "count": 3,
            },
        )
    ]


def end_reprisals_body(home, copy, figures):
    """The sections of the #EndReprisals page, in the order of the original."""
    body = copy.BODY
    join_middle, join_end = join_us_blocks(home, copy)
    return [
        text(body["intro"]),
        (
            "quote",
            {
                "quote": body["quote"],
                "attribution": body["quote_attribution"],
                "role": body["quote_role"],
            },
        ),
        text(body["statement"]),
        *join_middle,
        (
            "demands",
            {
                "heading": body["demands_heading"],
                "intro": body["demands_intro"],
                "demands": [
                    {"demand": demand, "explanation": explanation}
                    for demand, explanation in body["demands"]
                ],
            },
        ),
        heading(body["essentials_heading"], anchor="essentials"),
        text(body["essentials"]),
        heading(body["missing_heading"], level="h3", anchor="still-missing"),
        text(body["missing"]),
        (
            "milestones",
            {
                "heading": body["milestones_heading"],
                "milestones": [
                    {"date": date, "title": title, "text": words, "link": no_link()}
                    for date, title, words in body["milestones"]
                ],
            },
        ),
        (
            "key_numbers",
            {
                "heading": body["numbers_heading"],
                "intro": body["numbers_intro"],
                "figures": figures,
            },
        ),
        (
            "video",
            {
                "url": VIDEO_URL,
                "title": body["video_title"],
                "poster": demo_image(
                    "End reprisals video poster", (26, 26, 46), motif="chamber"
                ),
                "transcript": body["transcript"],
            },
        ),
        *further_reading_blocks(copy),
        *join_end,
    ]


def load_index(home):
    return ensure_child_page(
        home,
        CampaignIndexPage,
        "campaigns",
        show_in_menus=True,
        **copy_en.INDEX,
    )


def load_other_campaigns(index):
    """One active and one closed campaign, so the index shows every state."""
    ensure_child_page(
        index,
        CampaignPage,
        "safe-to-speak",
        title="Safe to speak to the treaty bodies",
        hashtag="#SafeToSpeak",
        strapline="Protect everyone who briefs the UN's treaty body experts.",
        status=CampaignPage.Status.ACTIVE,
        hero_image=demo_image("Safe to speak hero", (11, 85, 99)),
        body=[
            text(
                "<p>Treaty bodies review how states keep their promises. "
                "They need first-hand accounts, and the people who give them "
                "need protection before, during and after a review.</p>"
            ),
        ],
    )
    ensure_child_page(
        index,
        CampaignPage,
        "open-doors",
        title="Open doors at the Council",
        hashtag="#OpenDoors",
        strapline="Keep the Human Rights Council's meetings open to civil society.",
        status=CampaignPage.Status.CLOSED,
        outcome_date=datetime.date(2020, 12, 15),
        outcome_text=(
            "The campaign ended with the year's last session; its calls "
            "carry on in #EndReprisals."
        ),
        body=[
            text(
                "<p>During the pandemic, meetings moved online and many "
                "organisations lost their place in the room. This campaign "
                "asked for hybrid participation to stay.</p>"
            ),
        ],
    )


def load_translation(home, page, language_code, copy):
    """The #EndReprisals page in one more language, from its copy module, under
    a campaign index with that language's title; what exists stays as it is."""
    locale = Locale.objects.get(language_code=language_code)
    ensure_translation(page.get_parent().specific, locale, **copy.INDEX)
    figures = load_key_figures(copy, locale)
    return ensure_translation(
        page, locale, body=end_reprisals_body(home, copy, figures), **copy.PAGE
    )


@transaction.atomic
def load(home):
    """Campaign index, three campaigns, their key figures, and the translations."""
    index = load_index(home)
    figures = load_key_figures(copy_en, Locale.get_default())
    page = ensure_child_page(
        index,
        CampaignPage,
        "end-reprisals",
        hashtag="#EndReprisals",
        status=CampaignPage.Status.WON,
        outcome_date=datetime.date(2021, 10, 8),
        hero_image=demo_image("End reprisals hero", (7, 59, 69)),
        body=end_reprisals_body(home, copy_en, figures),
        **copy_en.PAGE,
    )
    load_other_campaigns(index)
    for language_code, copy in TRANSLATIONS.items():
        load_translation(home, page, language_code, copy)
    return page
