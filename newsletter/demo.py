"""Demo content of the newsletter: two lists, the settings, a sign-up page.

The campaign demo finds its list by name: DEMO_LIST_NAME.
"""

from wagtail.models import Locale, Site

from core.demo import upsert_child_page
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
        mailing_list, _created = MailingList.objects.update_or_create(
            name=name,
            locale=locale,
            defaults={"description": description, "active": True},
        )
        lists.append(mailing_list)

    site = Site.objects.get(is_default_site=True)
    newsletter_settings = NewsletterSettings.for_site(site)
    newsletter_settings.default_list = lists[0]
    newsletter_settings.consent_text = (
        "I agree to receive these emails. I can unsubscribe at any time with "
        "one click from any email."
    )
    newsletter_settings.from_email = "campaigns@example.org"
    newsletter_settings.from_name = "Defenders at the UN"
    newsletter_settings.save()

    page = upsert_child_page(
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
