"""Demo content of the newsletter: two lists, the settings, a sign-up page.

The campaign demo finds its list by name: DEMO_LIST_NAME.
"""

from wagtail.models import Locale, Site

from core.demo import ensure_child_page, fill_blank_fields
from newsletter.models import MailingList, NewsletterSettings, SignupPage

DEMO_LIST_NAME = "#EndReprisals updates"
DEMO_LISTS = [
    (
        DEMO_LIST_NAME,
        "One email a month on the #EndReprisals campaign: new cases, what the "
        "UN did about them, and how you can help.",
    ),
    (
        "Reports and briefings",
        "An email when we publish a new report or briefing paper, a few times a year.",
    ),
]
# The lists in the other languages, as translations of the English ones: a
# reader signs up to the list in their language and joins the one list.
LIST_TRANSLATIONS = {
    DEMO_LIST_NAME: {
        "fr": (
            "Actualités #EndReprisals",
            "Un courriel par mois sur la campagne #EndReprisals : les nouveaux "
            "cas, ce que l'ONU en a fait, et comment vous pouvez aider.",
        ),
        "es": (
            "Novedades de #EndReprisals",
            "Un correo al mes sobre la campaña #EndReprisals: los casos nuevos, "
            "lo que hizo la ONU al respecto y cómo puede ayudar.",
        ),
        "ar": (
            "مستجدات حملة #EndReprisals",
            "رسالة واحدة في الشهر عن حملة #EndReprisals: الحالات الجديدة، وما "
            "فعلته الأمم المتحدة بشأنها، وكيف يمكنك المساعدة.",
        ),
        "zh-hans": (
            "#EndReprisals 动态",
            "每月一封关于 #EndReprisals 运动的邮件：新的案例、联合国采取的行动，"
            "以及您可以如何提供帮助。",
        ),
    },
    "Reports and briefings": {
        "fr": (
            "Rapports et notes d'information",
            "Un courriel lorsque nous publions un nouveau rapport ou une note "
            "d'information, quelques fois par an.",
        ),
        "es": (
            "Informes y notas informativas",
            "Un correo cuando publicamos un nuevo informe o nota informativa, "
            "unas pocas veces al año.",
        ),
        "ar": (
            "التقارير والإحاطات",
            "رسالة عندما ننشر تقريرًا أو ورقة إحاطة جديدة، بضع مرات في السنة.",
        ),
        "zh-hans": (
            "报告与简报",
            "我们发布新的报告或简报文件时发送一封邮件，每年几次。",
        ),
    },
}


def load_list_translations(mailing_list):
    """The list in every other language it has demo copy for; a translation
    that exists already is left as editors made it."""
    for code, (name, description) in LIST_TRANSLATIONS[mailing_list.name].items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or mailing_list.get_translation_or_none(locale):
            continue
        translation = mailing_list.copy_for_translation(locale)
        translation.name = name
        translation.description = description
        translation.save()


def load(home):
    """Lists, settings for the default site, and a 'Join us' page under home."""
    locale = Locale.get_default()
    lists = []
    for name, description in DEMO_LISTS:
        # An existing list keeps what editors made of it (even "inactive").
        mailing_list, _created = MailingList.objects.get_or_create(
            name=name,
            locale=locale,
            defaults={"description": description, "active": True},
        )
        load_list_translations(mailing_list)
        lists.append(mailing_list)

    site = Site.objects.get(is_default_site=True)
    fill_blank_fields(
        NewsletterSettings.for_site(site),
        # No consent_text: the standard wording is shown, and stored as
        # evidence, in the reader's language.
        default_list=lists[0],
        from_email="campaigns@example.org",
        from_name="Defenders at the UN",
    )

    page = ensure_child_page(
        home,
        SignupPage,
        "join",
        title="Join us",
        show_in_menus=True,
        intro=(
            "<p>Join our email list to receive the latest updates on our "
            "campaigns and ways to act. We send one email a month, and you "
            "can leave with one click.</p>"
        ),
        mailing_list=lists[0],
        button_label="Join the list",
        ask_first_name=True,
    )
    return {"lists": lists, "page": page}
