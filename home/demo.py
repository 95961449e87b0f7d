"""Demo content of the home app: the home page, about page and privacy notice."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from core.demo import (
    demo_image,
    ensure_child_page,
    ensure_translation,
    fill_blank_fields,
    unchanged_since_published,
)
from core.models import SiteSettings
from home.demo_copy import HOME
from home.models import HomePage, StandardPage

ORGANISATION = "Defenders at the UN"


def load_locales():
    """Every content language configured in settings, as a Wagtail locale."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


@transaction.atomic
def load_home():
    """The English home page as the default site's root, with its furniture."""
    load_locales()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=Locale.get_default()).first()
    fields = {name: HOME["en"][name] for name in ("title", "heading", "intro")}
    if home is None:
        # Wagtail's "Welcome" placeholder page is not part of the demo site
        # (its Site goes with it and is made again below).
        Page.objects.filter(depth=2, content_type__model="page").delete()
        home = HomePage(slug="home", locale=Locale.get_default(), **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
        home.refresh_from_db()

    # The site's address comes from the admin's base URL, so canonical links
    # point where the demo is actually served (`make run PORT=8100`).
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            site_name=ORGANISATION,
            root_page=home,
            is_default_site=True,
        )
    elif site.hostname == hostname and site.port != port:
        # Where the site is served, not content: follows the port run on.
        site.port = port
        site.save(update_fields=["port"])
    return home


@transaction.atomic
def load_home_translations(home):
    """The home page in every other language of `demo_copy.HOME`, made before
    the apps translate their pages under it, so none of them needs a home page
    alias that would only hold English."""
    translations = []
    for language_code, words in HOME.items():
        if language_code == home.locale.language_code:
            continue
        locale = Locale.objects.get(language_code=language_code)
        fields = {name: words[name] for name in ("title", "heading", "intro")}
        # Sections come later, in its language (load_home_sections): none of
        # the English page's, should it have some by now.
        fields["body"] = []
        translations.append(ensure_translation(home, locale, **fields))
    return translations


def load_standard_pages(home):
    about = ensure_child_page(
        home,
        StandardPage,
        "about",
        title="About us",
        show_in_menus=True,
        summary="Who we are, and why we campaign against reprisals.",
        body=[
            (
                "text",
                "<p>We are a small team of lawyers, researchers and "
                "campaigners. We track cases of intimidation against people "
                "who cooperate with the UN, raise them with officials, and "
                "push states to speak out.</p>",
            ),
        ],
    )
    privacy = ensure_child_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        summary="What this site records about you, and what it never does.",
        body=[
            ("heading", {"text": "Reading this site", "level": "h2", "anchor": ""}),
            (
                "text",
                "<p>Pages set no cookies and load nothing from other "
                "companies: no fonts, no analytics, no embedded players "
                "until you press play.</p>",
            ),
            ("heading", {"text": "Our mailing list", "level": "h2", "anchor": ""}),
            (
                "text",
                "<p>We keep your email address, the lists you joined, and "
                "when you agreed. We never record your IP address or "
                "browser. You can leave with one click from any email.</p>",
            ),
        ],
    )
    site = Site.objects.get(is_default_site=True)
    fill_blank_fields(
        SiteSettings.for_site(site),
        organisation_name=ORGANISATION,
        footer_text=(
            "An independent organisation supporting human rights defenders who "
            "engage with the United Nations."
        ),
        contact_email="info@example.org",
        privacy_notice=privacy,
        # The privacy notice has its own place in the footer already.
        footer_links=[("link", {"page": about, "url": "", "label": ""})],
        social_profiles=[
            (
                "profile",
                {"network": "mastodon", "url": "https://mastodon.social/@example"},
            ),
            (
                "profile",
                {"network": "bluesky", "url": "https://bsky.app/profile/example"},
            ),
        ],
        default_social_image=demo_image(
            "Sharing image", colour=(11, 85, 99), size=(1200, 630), motif="chamber"
        ),
        # Shown in the header, and the logo of the Organization in every
        # page's JSON-LD (search engines show it beside the organisation).
        logo=demo_image("Logo", colour=(7, 59, 69), size=(224, 224), motif="chamber"),
    )
    load_scheduled_page(home)
    return about, privacy


def load_scheduled_page(home):
    """A page waiting to go live in a week: what scheduling looks like in the admin."""
    page = (
        StandardPage.objects.child_of(home).filter(slug="annual-report-launch").first()
    )
    if page is not None:
        return page
    page = StandardPage(slug="annual-report-launch", title="Annual report launch")
    home.add_child(instance=page)
    page.summary = "Join us in Geneva for the launch of this year's report."
    page.body = [
        (
            "text",
            "<p>This page is scheduled: it goes live by itself on its go-live "
            "date, set under the status menu when publishing.</p>",
        )
    ]
    page.go_live_at = timezone.now() + datetime.timedelta(days=7)
    # Publishing a revision whose go-live date is in the future schedules it.
    page.save_revision().publish()
    return page


def load_home_sections(home, featured_campaign):
    """The sections of the home page and of its translations, once campaigns,
    resources and lists exist.

    Only on a home page nobody has edited since the demo made it: sections an
    editor made, or removed on purpose, stay as they are. An alias (a home page
    Wagtail copied as a parent) follows its original.
    """
    homes = [home, *home.get_translations().filter(alias_of__isnull=True).specific()]
    for page in homes:
        words = HOME.get(page.locale.language_code)
        if words is None or len(page.body) or not unchanged_since_published(page):
            continue
        # A translated home page features the same campaign: it is shown in
        # the page's language where it is translated (HomePage).
        page.featured_campaign = featured_campaign
        page.body = home_sections(words)
        page.save_revision().publish()


def home_sections(words):
    from newsletter.demo import DEMO_LIST_NAME
    from newsletter.models import MailingList

    # The demo's lists are in English only: readers in every language join them.
    mailing_list = MailingList.objects.filter(
        name=DEMO_LIST_NAME, locale=Locale.get_default()
    ).first()
    sections = []
    if "latest" in words:
        latest_heading, latest_intro = words["latest"]
        sections.append(
            (
                "resource_listing",
                {
                    "mode": "latest",
                    "heading": latest_heading,
                    "intro": latest_intro,
                    "items": [],
                    "tag": "",
                    "resource_type": "",
                    "count": 3,
                },
            )
        )
    signup_heading, signup_text, signup_button = words["signup"]
    sections.append(
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
    )
    return sections
