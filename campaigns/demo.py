"""Demo content of the campaigns app: #EndReprisals and two other campaigns.

Written in the project's own words from the facts of the organisation's
campaign page. Safe to run again: everything is found and updated in place.
"""

import datetime

from django.db import transaction
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale

from campaigns.models import CampaignIndexPage, CampaignPage, KeyFigure
from core.demo import demo_image, upsert_child_page
from newsletter.demo import DEMO_LIST_NAME
from newsletter.models import MailingList, SignupPage
from resources.models import ResourcePage

# The two papers on China that the campaign page recommends (resources' demo).
CHINA_PAPERS = ["china-reprisals-submission-2023", "china-un-treaty-bodies"]

SOURCE_TITLE = "Ten years of reprisals in the UN Secretary-General's reports: our study"
SOURCE_URL = "https://www.ohchr.org/en/reprisals"
SOURCE_DATE = datetime.date(2021, 9, 1)

KEY_FIGURES = [
    {
        "figure": "709",
        "label": (
            "cases of intimidation and reprisals against people working with "
            "the UN, listed in the Secretary-General's reports"
        ),
        "period": "2010-2020",
    },
    {
        "figure": "31%",
        "label": "of those cases come from the Middle East and North Africa",
        "period": "2010-2020",
    },
    {
        "figure": "50%",
        "label": (
            "of today's Human Rights Council members were named for reprisals "
            "in the Secretary-General's last five annual reports"
        ),
        "period": "",
    },
]


def load_key_figures():
    """The three figures of the #EndReprisals page, in English."""
    figures = []
    for fields in KEY_FIGURES:
        figure, _created = KeyFigure.objects.update_or_create(
            locale=Locale.get_default(),
            figure=fields["figure"],
            defaults={
                "label": fields["label"],
                "period": fields["period"],
                "as_of": SOURCE_DATE,
                "source_title": SOURCE_TITLE,
                "source_url": SOURCE_URL,
            },
        )
        figures.append(figure)
    return figures


def text(html):
    return ("text", html)


def heading(words, level="h2", anchor=""):
    return ("heading", {"text": words, "level": level, "anchor": anchor})


def join_us_blocks(home):
    """A call to the sign-up page mid-page, and the sign-up form at the end."""
    join_page = SignupPage.objects.child_of(home).first()
    mailing_list = MailingList.objects.filter(
        name=DEMO_LIST_NAME, locale=Locale.get_default()
    ).first()
    middle = []
    if join_page:
        middle.append(
            (
                "call_to_action",
                {
                    "heading": "Join us!",
                    "text": (
                        "Get our monthly news on reprisals at the UN, and be "
                        "the first to hear when we need your help."
                    ),
                    "button_label": "Join the mailing list",
                    "link": {"page": join_page, "document": None, "url": ""},
                },
            )
        )
    end = [
        (
            "signup",
            {
                "heading": "Join us!",
                "text": "Monthly news on intimidation and reprisals at the UN.",
                "mailing_list": mailing_list,
                "button_label": "Sign up",
                "ask_first_name": False,
            },
        )
    ]
    return middle, end


def further_reading_blocks():
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
    return [
        (
            "resource_listing",
            {
                "mode": "chosen",
                "heading": "Further reading",
                "intro": (
                    "Our papers on reprisals against people who engage with "
                    "the UN, starting with the case of China."
                ),
                "items": items,
                "tag": "",
                "resource_type": "",
                "count": 3,
            },
        )
    ]


def end_reprisals_body(figures, join_middle, extra_blocks):
    """The sections of the #EndReprisals page, in the order of the original."""
    milestones = [
        # Deliberately not in date order: the timeline sorts them.
        {
            "date": datetime.date(2021, 10, 14),
            "title": "80 states sign a joint statement against reprisals",
            "text": (
                "At the General Assembly's Third Committee, the United Kingdom "
                "spoke for 80 countries, five more than the year before."
            ),
            "link": {"page": None, "document": None, "url": ""},
        },
        {
            "date": datetime.date(2021, 9, 17),
            "title": "Negotiations open at the 48th Human Rights Council session",
            "text": (
                "From 17 September to 4 October, states negotiated the text. "
                "We met delegations, wrote to capitals and campaigned online."
            ),
            "link": {"page": None, "document": None, "url": ""},
        },
        {
            "date": datetime.date(2021, 10, 8),
            "title": "The resolution is adopted by consensus",
            "text": "No state called a vote: a first on reprisals since 2009.",
            "link": {"page": None, "document": None, "url": ""},
        },
    ]
    return [
        text(
            "<p>For the first time since 2009, the Human Rights Council agreed "
            "a resolution on reprisals without a vote. It asks the "
            "Secretary-General to take his yearly report on intimidation and "
            "reprisals to the <b>General Assembly</b>, where all 193 member "
            "states sit, and not only to the Council in Geneva.</p>"
            "<p>Reprisals against people who cooperate with the UN affect the "
            "whole organisation. Debating them where every state is present "
            "is how they get prevented and answered.</p>"
        ),
        (
            "quote",
            {
                "quote": (
                    "Whoever brings evidence to the UN must be able to do it "
                    "safely, and without anyone standing in the way."
                ),
                "attribution": "Our campaign team",
                "role": "Geneva",
            },
        ),
        text(
            "<p>A week later, on 14 October 2021, the United Kingdom read a "
            "statement at the General Assembly's Third Committee on behalf of "
            "80 states from every region, condemning intimidation and "
            "reprisals. It was the third such statement, and five more states "
            "joined than in 2020, when 75 signed.</p>"
            "<p>The work goes on until every defender can speak to the UN "
            "freely and safely.</p>"
        ),
        *join_middle,
        (
            "demands",
            {
                "heading": "What do we want?",
                "intro": (
                    "The UN relies on what defenders document. Some states "
                    "try to stop them from telling it, with travel bans, "
                    "threats, detention and worse. We ask for four things."
                ),
                "demands": [
                    {
                        "demand": "A safe seat at the UN table for defenders",
                        "explanation": (
                            "Everyone has the right to reach the UN and speak "
                            "to it without fear."
                        ),
                    },
                    {
                        "demand": "No intimidation, no reprisals",
                        "explanation": (
                            "States and non-state actors must stop punishing "
                            "people who engage, or try to engage, with the UN."
                        ),
                    },
                    {
                        "demand": "States who speak out, and name cases",
                        "explanation": (
                            "Governments should condemn reprisals in public, "
                            "raise specific cases and hold their peers to "
                            "account."
                        ),
                    },
                    {
                        "demand": "A UN that follows up every case",
                        "explanation": (
                            "When reprisals happen, the UN should act on them, "
                            "support the people targeted and press for "
                            "accountability and redress."
                        ),
                    },
                ],
            },
        ),
        heading("Reprisals at the UN: the essentials", anchor="essentials"),
        text(
            "<p>Human rights defenders push for dignity and justice where "
            "they live and work. When every door at home is shut, the UN is "
            "often the last place they can turn to, and some governments "
            "treat that as a threat.</p>"
            "<p>Reprisals range from travel bans, smear campaigns and "
            "surveillance to arrest, torture and killings. Over recent years "
            "more cases have been reported, and they have grown more "
            "serious.</p>"
            "<p>The main UN tool is a yearly report by the Secretary-General "
            "listing the cases its bodies documented. Since 2016 an Assistant "
            "Secretary-General leads the UN's response.</p>"
        ),
        heading("What is still missing", level="h3", anchor="still-missing"),
        text(
            "<ul>"
            "<li>No system tracks cases over time, and thirty years of UN "
            "work on reprisals have never been assessed.</li>"
            "<li>Many cases are never reported, and some reported ones are "
            "left out.</li>"
            "<li>Few states take a public stand, and fewer still challenge "
            "their peers.</li>"
            "<li>About half of the Human Rights Council's members were named "
            "for reprisals in the last five yearly reports.</li>"
            "<li>Many defenders do not know the UN's procedures on reprisals, "
            "or how to use them.</li>"
            "</ul>"
        ),
        (
            "milestones",
            {"heading": "How the resolution was won", "milestones": milestones},
        ),
        (
            "key_numbers",
            {
                "heading": "Key numbers to remember",
                "intro": (
                    "From our study of ten years of the Secretary-General's "
                    "reports on reprisals."
                ),
                "figures": figures,
            },
        ),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=EndReprisal",
                "title": "Reprisals at the UN at a glance",
                "poster": demo_image("End reprisals video poster", (26, 26, 46)),
                "transcript": (
                    "<p>Intimidation and reprisals are never acceptable. "
                    "Everyone may engage with the United Nations and should "
                    "be safe doing so.</p>"
                ),
            },
        ),
        *extra_blocks,
    ]


def load_index(home):
    return upsert_child_page(
        home,
        CampaignIndexPage,
        "campaigns",
        title="Campaigns",
        show_in_menus=True,
        intro="What we are campaigning for now, and what campaigns achieved.",
    )


def load_other_campaigns(index):
    upsert_child_page(
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
    upsert_child_page(
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


def load_french(page):
    """The #EndReprisals page in French, with the French parents it needs."""
    french = Locale.objects.get(language_code="fr")
    translation = page.get_translations().filter(locale=french).first()
    if translation is None:
        translation = page.copy_for_translation(french, copy_parents=True)
    translation = translation.specific
    index = translation.get_parent().specific
    if index.alias_of_id:
        # A page of its own, so its title can be French.
        ConvertAliasPageAction(index).execute(skip_permission_checks=True)
        index.refresh_from_db()
    index.title = "Campagnes"
    index.intro = "Nos campagnes en cours, et ce qu'elles ont obtenu."
    index.save_revision().publish()
    for ancestor in translation.get_ancestors().filter(depth__gte=2):
        if not ancestor.live:
            ancestor.specific.save_revision().publish()
    translation.title = "Aidez-nous à mettre fin aux représailles à l'ONU"
    translation.strapline = (
        "Personne ne devrait être puni pour avoir informé les Nations unies."
    )
    translation.outcome_text = (
        "Le Conseil des droits de l'homme a adopté par consensus une "
        "résolution forte sur les représailles."
    )
    translation.save_revision().publish()
    return translation


@transaction.atomic
def load(home):
    """Campaign index, three campaigns, their key figures, and one translation."""
    index = load_index(home)
    figures = load_key_figures()
    join_middle, join_end = join_us_blocks(home)
    page = upsert_child_page(
        index,
        CampaignPage,
        "end-reprisals",
        title="Help us end reprisals at the UN",
        hashtag="#EndReprisals",
        strapline=(
            "No one should be punished for telling the United Nations what "
            "is happening to them."
        ),
        status=CampaignPage.Status.WON,
        outcome_date=datetime.date(2021, 10, 8),
        outcome_text=(
            "The Human Rights Council adopted a strong resolution on "
            "reprisals by consensus. Thank you: the campaign reached its goal."
        ),
        hero_image=demo_image("End reprisals hero", (7, 59, 69)),
        listing_summary=(
            "The Human Rights Council adopted a resolution on reprisals by "
            "consensus. Our work goes on."
        ),
        body=end_reprisals_body(
            figures, join_middle, [*further_reading_blocks(), *join_end]
        ),
    )
    load_other_campaigns(index)
    load_french(page)
    return page
