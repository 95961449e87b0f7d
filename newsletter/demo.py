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
        lists.append(mailing_list)

    site = Site.objects.get(is_default_site=True)
    fill_blank_fields(
        NewsletterSettings.for_site(site),
        default_list=lists[0],
        consent_text=(
            "I agree to receive these emails. I can unsubscribe at any time with "
            "one click from any email."
        ),
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
