"""Site navigation: the main menu, breadcrumbs and the language switcher."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.blocks import SOCIAL_NETWORKS
from core.i18n import offered_translations, pages_in_language, with_written_language
from core.serving.content_cache import remember_until_content_changes
from core.tree import ancestors

register = template.Library()


def chrome(request):
    """What every page's header and footer link to, in the reader's language:
    {"menu": the top-level pages marked 'Show in menus', "pages": {chosen id:
    page} for the home page, the footer links and the privacy notice}.

    One entry in the content cache for the site and language, made with two
    queries: the chosen pages together (core.i18n.pages_in_language), then
    the menu under the home page found among them.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"menu": [], "pages": {}}
    return remember_until_content_changes(
        ("chrome", site.pk, get_language()), lambda: _chrome(request, site)
    )


def _chrome(request, site):
    from core.models import SiteSettings

    site_settings = SiteSettings.for_request(request)
    page_ids = [site.root_page_id, *footer_page_ids(site_settings)]
    pages = told_written_language(pages_in_language(page_ids))
    root = pages.get(site.root_page_id)
    menu = []
    if root is not None:
        menu = with_written_language(
            list(
                root.get_children()
                .live()
                .public()
                .in_menu()
                .specific(defer=True)
                .order_by("path")
            )
        )
    return {"menu": menu, "pages": pages}


def _footer_links(site_settings):
    return [
        item["value"]
        for item in site_settings.footer_links.raw_data
        if item["type"] == "link"
    ]


def footer_page_ids(site_settings):
    """The pages the footer links to: its menu's, then the privacy notice."""
    page_ids = [
        value["page"] for value in _footer_links(site_settings) if value.get("page")
    ]
    if site_settings.privacy_notice_id:
        page_ids.append(site_settings.privacy_notice_id)
    return page_ids


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked 'Show in menus', in the reader's language."""
    items = chrome(context["request"])["menu"]
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    menu = [
        {
            "page": item,
            # "page" for the page itself, "true" for a section the reader is in.
            "current": "page"
            if item.path == current_path
            else "true"
            if current_path.startswith(item.path)
            else "",
        }
        for item in items
    ]
    return {"menu": menu}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The path from the home page down to the current page."""
    page = context.get("page")
    return {"ancestors": breadcrumb_ancestors(page), "page": page}


def breadcrumb_ancestors(page):
    """The live pages from the home page down to `page`'s parent (none for the
    home page itself): the breadcrumbs, and their BreadcrumbList in the JSON-LD."""
    if not isinstance(page, Page) or not page.pk or page.depth <= 2:
        return []
    return [page for page in ancestors(page) if page.depth >= 2 and page.live]


@register.simple_tag
def live_translations(page):
    """The page in every language it is live in, itself included.

    Feeds both the hreflang alternates and the language switcher, so a reader
    is only ever offered translations that exist: an alias of a page in
    another language is none (core.i18n.offered_translations).
    """
    if not isinstance(page, Page) or not page.pk:
        return []
    return remember_until_content_changes(
        ("translations", page.translation_key),
        lambda: list(offered_translations(page.get_translations(inclusive=True))),
    )


@register.simple_tag
def x_default(translations):
    """The translation for readers whose language none matches (hreflang
    x-default): the one in the default language, else the first."""
    from core.i18n import default_translation

    return default_translation(translations)


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's page links, in the reader's language: the footer menu from
    the site settings, and the privacy notice.

    No query of its own whatever the number of links (they are in `chrome`).
    """
    from core.models import SiteSettings

    request = context.get("request")
    try:
        site_settings = SiteSettings.for_request(request)
    except SiteSettings.DoesNotExist:
        return {"menu": [], "privacy_url": ""}
    raw = _footer_links(site_settings)
    pages = chrome(request)["pages"]

    def live_page(page_id):
        # Deleted, or unpublished with no live translation: left out.
        page = pages.get(page_id)
        return page if page is not None and page.live else None

    def url_of(page_id):
        page = live_page(page_id)
        return page.get_url(request) if page else ""

    menu = []
    for value in raw:
        if value.get("page"):
            page = live_page(value["page"])
            if page is None:
                continue
            label = value.get("label") or page.title
            # A label typed in the settings is in the default language.
            language = page if not value.get("label") else settings.LANGUAGE_CODE
            menu.append(
                {"href": page.get_url(request), "label": label, "language": language}
            )
        elif value.get("url"):
            menu.append(
                {
                    "href": value["url"],
                    "label": value.get("label") or "",
                    "language": settings.LANGUAGE_CODE,
                }
            )
    return {"menu": menu, "privacy_url": url_of(site_settings.privacy_notice_id)}


def told_written_language(pages_by_id):
    with_written_language(pages_by_id.values())
    return pages_by_id


@register.simple_tag
def social_profiles(site_settings):
    """The organisation's social profiles as (label, url) pairs, for plain links."""
    names = dict(SOCIAL_NETWORKS)
    return [
        {
            "label": profile.value.get("label") or names.get(profile.value["network"]),
            "url": profile.value["url"],
            "network": profile.value["network"],
            # The network's name, the same in every language (translate="no").
            "is_name": not profile.value.get("label")
            and profile.value["network"] != "other",
        }
        for profile in site_settings.social_profiles
    ]
