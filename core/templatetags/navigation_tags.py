"""Site navigation: the main menu, breadcrumbs and the language switcher."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


def _localized_root(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked 'Show in menus', in the reader's language."""
    request = context["request"]
    root = _localized_root(request)
    items = []
    if root is not None:
        items = list(
            root.get_children()
            .live()
            .public()
            .in_menu()
            .specific(defer=True)
            .order_by("path")
        )
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
    ancestors = []
    if isinstance(page, Page) and page.depth > 2:
        ancestors = list(
            page.get_ancestors().filter(depth__gte=2).live().specific(defer=True)
        )
    return {"ancestors": ancestors, "page": page}


@register.simple_tag
def live_translations(page):
    """The page in every language it is live in, itself included.

    Feeds both the hreflang alternates and the language switcher, so a reader
    is only ever offered translations that exist.
    """
    if not isinstance(page, Page) or not page.pk:
        return []
    return list(
        page.get_translations(inclusive=True)
        .live()
        .public()
        .select_related("locale")
        .order_by("locale__language_code")
    )
