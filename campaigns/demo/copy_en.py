"""The #EndReprisals page in English, in the project's own words."""

import datetime

# The campaign index, the parent of the campaign in each language.
INDEX = {
    "title": "Campaigns",
    "intro": "What we are campaigning for now, and what campaigns achieved.",
}

PAGE = {
    "title": "Help us end reprisals at the UN",
    "strapline": (
        "No one should be punished for telling the United Nations what is "
        "happening to them."
    ),
    "outcome_text": (
        "The Human Rights Council adopted a strong resolution on reprisals by "
        "consensus. Thank you: the campaign reached its goal."
    ),
    "listing_summary": (
        "The Human Rights Council adopted a resolution on reprisals by "
        "consensus. Our work goes on."
    ),
}

FIGURE_SOURCE = (
    "Ten years of reprisals in the UN Secretary-General's reports: our study"
)
FIGURE_LABELS = {
    "709": (
        "cases of intimidation and reprisals against people working with the "
        "UN, listed in the Secretary-General's reports"
    ),
    "31%": "of those cases come from the Middle East and North Africa",
    "50%": (
        "of today's Human Rights Council members were named for reprisals in "
        "the Secretary-General's last five annual reports"
    ),
}

BODY = {
    "intro": (
        "<p>For the first time since 2009, the Human Rights Council agreed a "
        "resolution on reprisals without a vote. It asks the Secretary-General "
        "to take his yearly report on intimidation and reprisals to the "
        "<b>General Assembly</b>, where all 193 member states sit, and not only "
        "to the Council in Geneva.</p>"
        "<p>Reprisals against people who cooperate with the UN affect the whole "
        "organisation. Debating them where every state is present is how they "
        "get prevented and answered.</p>"
    ),
    "quote": (
        "Whoever brings evidence to the UN must be able to do it safely, and "
        "without anyone standing in the way."
    ),
    "quote_attribution": "Our campaign team",
    "quote_role": "Geneva",
    "statement": (
        "<p>A week later, on 14 October 2021, the United Kingdom read a "
        "statement at the General Assembly's Third Committee on behalf of 80 "
        "states from every region, condemning intimidation and reprisals. It "
        "was the third such statement, and five more states joined than in "
        "2020, when 75 signed.</p>"
        "<p>The work goes on until every defender can speak to the UN freely "
        "and safely.</p>"
    ),
    "cta": (
        "Join us!",
        "Get our monthly news on reprisals at the UN, and be the first to hear "
        "when we need your help.",
        "Join the mailing list",
    ),
    "demands_heading": "What do we want?",
    "demands_intro": (
        "The UN relies on what defenders document. Some states try to stop "
        "them from telling it, with travel bans, threats, detention and worse. "
        "We ask for four things."
    ),
    "demands": [
        (
            "A safe seat at the UN table for defenders",
            "Everyone has the right to reach the UN and speak to it without fear.",
        ),
        (
            "No intimidation, no reprisals",
            "States and non-state actors must stop punishing people who "
            "engage, or try to engage, with the UN.",
        ),
        (
            "States who speak out, and name cases",
            "Governments should condemn reprisals in public, raise specific "
            "cases and hold their peers to account.",
        ),
        (
            "A UN that follows up every case",
            "When reprisals happen, the UN should act on them, support the "
            "people targeted and press for accountability and redress.",
        ),
    ],
    "essentials_heading": "Reprisals at the UN: the essentials",
    "essentials": (
        "<p>Human rights defenders push for dignity and justice where they "
        "live and work. When every door at home is shut, the UN is often the "
        "last place they can turn to, and some governments treat that as a "
        "threat.</p>"
        "<p>Reprisals range from travel bans, smear campaigns and surveillance "
        "to arrest, torture and killings. Over recent years more cases have "
        "been reported, and they have grown more serious.</p>"
        "<p>The main UN tool is a yearly report by the Secretary-General "
        "listing the cases its bodies documented. Since 2016 an Assistant "
        "Secretary-General leads the UN's response.</p>"
    ),
    "missing_heading": "What is still missing",
    "missing": (
        "<ul>"
        "<li>No system tracks cases over time, and thirty years of UN work on "
        "reprisals have never been assessed.</li>"
        "<li>Many cases are never reported, and some reported ones are left "
        "out.</li>"
        "<li>Few states take a public stand, and fewer still challenge their "
        "peers.</li>"
        "<li>About half of the Human Rights Council's members were named for "
        "reprisals in the last five yearly reports.</li>"
        "<li>Many defenders do not know the UN's procedures on reprisals, or "
        "how to use them.</li>"
        "</ul>"
    ),
    "milestones_heading": "How the resolution was won",
    # Deliberately not in date order: the timeline sorts them.
    "milestones": [
        (
            datetime.date(2021, 10, 14),
            "80 states sign a joint statement against reprisals",
            "At the General Assembly's Third Committee, the United Kingdom "
            "spoke for 80 countries, five more than the year before.",
        ),
        (
            datetime.date(2021, 9, 17),
            "Negotiations open at the 48th Human Rights Council session",
            "From 17 September to 4 October, states negotiated the text. We "
            "met delegations, wrote to capitals and campaigned online.",
        ),
        (
            datetime.date(2021, 10, 8),
            "The resolution is adopted by consensus",
            "No state called a vote: a first on reprisals since 2009.",
        ),
    ],
    "numbers_heading": "Key numbers to remember",
    "numbers_intro": (
        "From our study of ten years of the Secretary-General's reports on reprisals."
    ),
    "video_title": "Reprisals at the UN at a glance (demo placeholder video)",
    "transcript": (
        "<p>Intimidation and reprisals are never acceptable. Everyone may "
        "engage with the United Nations and should be safe doing so.</p>"
    ),
    "further_reading": (
        "Further reading",
        "Our papers on reprisals against people who engage with the UN, "
        "starting with the case of China.",
    ),
    "signup": (
        "Join us!",
        "Monthly news on intimidation and reprisals at the UN.",
        "Sign up",
    ),
}
