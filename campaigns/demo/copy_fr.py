"""The #EndReprisals page in French (the same sections as the English page)."""

import datetime

INDEX = {
    "title": "Campagnes",
    "intro": "Nos campagnes en cours, et ce qu'elles ont obtenu.",
}

PAGE = {
    "title": "Aidez-nous à mettre fin aux représailles à l'ONU",
    "strapline": (
        "Personne ne devrait être puni pour avoir dit aux Nations unies ce qui "
        "lui arrive."
    ),
    "outcome_text": (
        "Le Conseil des droits de l'homme a adopté par consensus une résolution "
        "forte sur les représailles. Merci : la campagne a atteint son but."
    ),
    "listing_summary": (
        "Le Conseil des droits de l'homme a adopté une résolution sur les "
        "représailles par consensus. Notre travail continue."
    ),
}

FIGURE_SOURCE = (
    "Dix ans de représailles dans les rapports du Secrétaire général : notre étude"
)
FIGURE_LABELS = {
    "709": (
        "cas d'intimidation et de représailles contre des personnes "
        "coopérant avec l'ONU, recensés dans les rapports du Secrétaire général"
    ),
    "31%": "de ces cas concernent le Moyen-Orient et l'Afrique du Nord",
    "50%": (
        "des membres actuels du Conseil des droits de l'homme ont été cités "
        "pour des représailles dans les cinq derniers rapports annuels"
    ),
}

BODY = {
    "intro": (
        "<p>Pour la première fois depuis 2009, le Conseil des droits de "
        "l'homme a adopté une résolution sur les représailles sans vote. Elle "
        "invite le Secrétaire général à présenter son rapport annuel sur "
        "l'intimidation et les représailles à l'<b>Assemblée générale</b>, où "
        "siègent les 193 États membres, et plus seulement au Conseil à "
        "Genève.</p>"
        "<p>Les représailles contre celles et ceux qui coopèrent avec l'ONU "
        "touchent toute l'organisation. En débattre devant tous les États, "
        "c'est se donner les moyens de les prévenir et d'y répondre.</p>"
    ),
    "quote": (
        "Quiconque apporte des informations à l'ONU doit pouvoir le faire en "
        "sécurité, sans que personne ne lui barre la route."
    ),
    "quote_attribution": "Notre équipe de campagne",
    "quote_role": "Genève",
    "statement": (
        "<p>Une semaine plus tard, le 14 octobre 2021, le Royaume-Uni a lu "
        "devant la Troisième Commission de l'Assemblée générale une "
        "déclaration au nom de 80 États de toutes les régions, condamnant "
        "l'intimidation et les représailles. C'était la troisième déclaration "
        "de ce type, et cinq États de plus l'ont signée qu'en 2020, où ils "
        "étaient 75.</p>"
        "<p>Le travail continue jusqu'à ce que chaque défenseur puisse "
        "s'adresser à l'ONU librement et en sécurité.</p>"
    ),
    "cta": (
        "Rejoignez-nous !",
        "Recevez chaque mois nos nouvelles sur les représailles à l'ONU, et "
        "soyez les premiers informés quand nous avons besoin de vous.",
        "S'inscrire à la liste",
    ),
    "demands_heading": "Que voulons-nous ?",
    "demands_intro": (
        "L'ONU dépend de ce que documentent les défenseurs. Certains États "
        "cherchent à les faire taire : interdictions de voyager, menaces, "
        "détention, et pire. Nous demandons quatre choses."
    ),
    "demands": [
        (
            "Une place sûre à la table de l'ONU pour les défenseurs",
            "Chacun a le droit d'accéder à l'ONU et de lui parler sans crainte.",
        ),
        (
            "Ni intimidation, ni représailles",
            "Les États et les acteurs non étatiques doivent cesser de punir "
            "celles et ceux qui coopèrent, ou cherchent à coopérer, avec l'ONU.",
        ),
        (
            "Des États qui prennent la parole et citent les cas",
            "Les gouvernements doivent condamner publiquement les représailles, "
            "soulever des cas précis et demander des comptes à leurs pairs.",
        ),
        (
            "Une ONU qui donne suite à chaque cas",
            "Quand des représailles ont lieu, l'ONU doit agir, soutenir les "
            "personnes visées et exiger que les responsables rendent des "
            "comptes.",
        ),
    ],
    "essentials_heading": "Les représailles à l'ONU : l'essentiel",
    "essentials": (
        "<p>Les défenseurs des droits humains œuvrent pour la dignité et la "
        "justice là où ils vivent et travaillent. Quand toutes les portes se "
        "ferment chez eux, l'ONU est souvent leur dernier recours, et certains "
        "gouvernements y voient une menace.</p>"
        "<p>Les représailles vont de l'interdiction de voyager, des campagnes "
        "de dénigrement et de la surveillance jusqu'à l'arrestation, la "
        "torture et le meurtre. Ces dernières années, les cas signalés sont "
        "plus nombreux et plus graves.</p>"
        "<p>Le principal outil de l'ONU est un rapport annuel du Secrétaire "
        "général qui recense les cas documentés par ses organes. Depuis 2016, "
        "un Sous-Secrétaire général dirige la réponse de l'ONU.</p>"
    ),
    "missing_heading": "Ce qui manque encore",
    "missing": (
        "<ul>"
        "<li>Aucun système ne suit les cas dans la durée, et trente ans "
        "d'action de l'ONU contre les représailles n'ont jamais été "
        "évalués.</li>"
        "<li>Beaucoup de cas ne sont jamais signalés, et certains cas signalés "
        "sont écartés.</li>"
        "<li>Peu d'États prennent position publiquement, et moins encore "
        "interpellent leurs pairs.</li>"
        "<li>Environ la moitié des membres du Conseil des droits de l'homme "
        "ont été cités pour des représailles dans les cinq derniers rapports "
        "annuels.</li>"
        "<li>Beaucoup de défenseurs ne connaissent pas les procédures de "
        "l'ONU contre les représailles, ou ne savent pas s'en servir.</li>"
        "</ul>"
    ),
    "milestones_heading": "Comment la résolution a été obtenue",
    "milestones": [
        (
            datetime.date(2021, 10, 14),
            "80 États signent une déclaration commune contre les représailles",
            "Devant la Troisième Commission de l'Assemblée générale, le "
            "Royaume-Uni a parlé au nom de 80 pays, cinq de plus que l'année "
            "précédente.",
        ),
        (
            datetime.date(2021, 9, 17),
            "Ouverture des négociations à la 48e session du Conseil",
            "Du 17 septembre au 4 octobre, les États ont négocié le texte. "
            "Nous avons rencontré les délégations, écrit aux capitales et "
            "fait campagne en ligne.",
        ),
        (
            datetime.date(2021, 10, 8),
            "La résolution est adoptée par consensus",
            "Aucun État n'a demandé de vote : une première sur les représailles "
            "depuis 2009.",
        ),
    ],
    "numbers_heading": "Les chiffres clés à retenir",
    "numbers_intro": (
        "Tirés de notre étude de dix ans de rapports du Secrétaire général sur "
        "les représailles."
    ),
    "video_title": (
        "Les représailles à l'ONU en un coup d'œil (vidéo fictive de démonstration)"
    ),
    "transcript": (
        "<p>L'intimidation et les représailles ne sont jamais acceptables. "
        "Chacun peut coopérer avec les Nations unies et doit pouvoir le faire "
        "en sécurité.</p>"
    ),
    "further_reading": (
        "Pour aller plus loin",
        "Nos publications sur les représailles contre celles et ceux qui "
        "coopèrent avec l'ONU, à commencer par le cas de la Chine "
        "(en anglais).",
    ),
    "signup": (
        "Rejoignez-nous !",
        "Chaque mois, nos nouvelles sur l'intimidation et les représailles à l'ONU.",
        "S'inscrire",
    ),
}
