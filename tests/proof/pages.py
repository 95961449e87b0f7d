"""The public page types the proof checks visit, found in the demo content.

Shared by the in-process checks (tests/proof/) and the browser checks
(tests/browser/, which call `describe_pages()` inside the live server's
database). Models are looked up by "app.Model" strings so that this module
imports no app.
"""

from dataclasses import asdict, dataclass, replace

from django.apps import apps

NOT_FOUND_PATH = "/this-page-does-not-exist/"


@dataclass(frozen=True)
class PublicPage:
    """One page a reader may open, with the status it answers with."""

    name: str
    path: str
    status: int = 200
    # Pages behind an emailed link are private to their reader, and search
    # results tell what a reader searched for: never cached (no
    # Cache-Control: public), but cookie-free like every other page.
    shared_cache: bool = True
    # The language the reader asked for (the URL's prefix), and whether the
    # page is written in it: a page with no translation is served in the
    # language it is written in, interface included, with a note.
    language: str = "en"
    written_in_language: bool = True


def _first_live(label, **filters):
    model = apps.get_model(label)
    return model.objects.live().public().filter(**filters).order_by("path").first()


def _path(page):
    return page.get_url() if page is not None else None


def cacheable_pages():
    """Every public page type of the demo site that a CDN may cache."""
    campaign = _first_live("campaigns.CampaignPage", hashtag="#EndReprisals")
    library = _first_live("resources.ResourceIndexPage")
    resource = _first_live("resources.ResourcePage", document__isnull=False)
    searched = {"library searched", "search"}
    found = [
        ("home", _path(_first_live("home.HomePage"))),
        ("standard page", _path(_first_live("home.StandardPage"))),
        ("campaign index", _path(_first_live("campaigns.CampaignIndexPage"))),
        ("campaign", _path(campaign)),
        ("library", _path(library)),
        ("library filtered", _path(library) and f"{_path(library)}?type=report"),
        ("library searched", _path(library) and f"{_path(library)}?q=reprisals"),
        ("resource", _path(resource)),
        ("search", "/search/?q=reprisals"),
        ("search empty", "/search/"),
        ("sign-up page", _path(_first_live("newsletter.SignupPage"))),
        ("sign-up: check your inbox", "/newsletter/check-your-inbox/"),
    ]
    missing = [name for name, path in found if path is None]
    assert not missing, f"the demo content lacks these page types: {missing}"
    return [
        PublicPage(name, path, shared_cache=name not in searched)
        for name, path in found
    ] + [PublicPage("404", NOT_FOUND_PATH, status=404)]


def signup_state_pages():
    """The pages of the emailed links, for a fresh pending subscription."""
    from newsletter.tokens import make_confirm_token, make_unsubscribe_token

    mailing_list = apps.get_model("newsletter.MailingList").objects.first()
    subscriber, _ = apps.get_model("newsletter.Subscriber").objects.get_or_create(
        email="proof-reader@example.org"
    )
    subscription, _ = apps.get_model(
        "newsletter.Subscription"
    ).objects.update_or_create(
        subscriber=subscriber, mailing_list=mailing_list, defaults={"state": "pending"}
    )
    confirm = make_confirm_token(subscription)
    leave = make_unsubscribe_token(subscription)
    private = {"shared_cache": False}
    return [
        PublicPage("sign-up: confirm", f"/newsletter/confirm/{confirm}/", **private),
        PublicPage(
            "sign-up: unsubscribe", f"/newsletter/unsubscribe/{leave}/", **private
        ),
        PublicPage("sign-up: link invalid", "/newsletter/confirm/x/", 400, **private),
    ]


def all_public_pages():
    return cacheable_pages() + signup_state_pages()


def _wagtail_page_at(path):
    """The default site's page served at `path`, or None for another view."""
    from wagtail.models import Page, Site

    root = Site.objects.get(is_default_site=True).root_page
    return Page.objects.filter(url_path=root.url_path + path.lstrip("/")).first()


def in_language(page, language_code):
    """`page` as a reader of `language_code` opens it: a Wagtail page at its
    translation's URL (an alias with the original's text has one too), any
    other view under the language's prefix. None when there is no such page."""
    from wagtail.models import Locale

    from core.i18n import written_language

    path, _, query = page.path.partition("?")
    query = f"?{query}" if query else ""
    original = _wagtail_page_at(path) if page.status == 200 else None
    if original is None:
        return replace(
            page, path=f"/{language_code}{page.path}", language=language_code
        )
    locale = Locale.objects.get(language_code=language_code)
    translation = original.get_translation_or_none(locale)
    if translation is None or not translation.live:
        return None
    return replace(
        page,
        path=translation.get_url() + query,
        language=language_code,
        written_in_language=written_language(translation) == language_code,
    )


def pages_in_every_language():
    """Every public page type in every configured language but the default."""
    from django.conf import settings

    others = [
        code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]
    found = (in_language(page, code) for code in others for page in all_public_pages())
    return [page for page in found if page is not None]


def describe_pages():
    """The list as plain data, for the browser tests' server process."""
    return [asdict(page) for page in all_public_pages()]


def describe_pages_in_every_language():
    return [asdict(page) for page in pages_in_every_language()]
