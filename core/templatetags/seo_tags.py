"""Search-engine and sharing metadata: description, canonical, Open Graph,
Twitter card and schema.org JSON-LD, from one inclusion tag."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from core.i18n import open_graph_locale
from core.models import SiteSettings
from core.templatetags.navigation_tags import breadcrumb_ancestors

register = template.Library()

# The size social networks expect for a large preview card.
SOCIAL_IMAGE_FILTER = "fill-1200x630-c100|format-jpeg|jpegquality-80"

# Inside <script>, only "<" can end the element early ("</script>", "<!--");
# escaping "<", ">" and "&" as JSON unicode escapes keeps the data inert and
# still valid JSON (the same escapes as Django's json_script).
_JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
}


def json_ld_script(data):
    """`data` as a `<script type="application/ld+json">` element, safely escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        # Safe: "<", ">" and "&" are escaped above, so the text cannot close
        # the element (Django's json_script does the same, but only writes
        # type="application/json").
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308  # nosec B308 B703
    )


def _social_image(page, site_settings):
    """The page's sharing image, else the site's default one (or None)."""
    image = None
    if page is not None and hasattr(page, "get_social_image"):
        image = page.get_social_image()
    if image is None and site_settings is not None:
        image = site_settings.default_social_image
    return image


def breadcrumb_list(page, ancestors, request):
    """The breadcrumbs the page shows, as a schema.org BreadcrumbList."""
    trail = [*ancestors, page]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def _canonical_url(page, request):
    """The page's own URL; for an alias served in its original's language
    (core.i18n), the original's, which is the same text."""
    if not page.pk:
        return None
    if page.alias_of_id and getattr(request, "language_asked_for", None):
        return page.alias_of.get_full_url(request)
    return page.get_full_url(request)


@register.inclusion_tag("components/seo.html", takes_context=True)
def seo_meta(context, title=None):
    """Meta description, canonical link, sharing tags and JSON-LD for a page.

    Views that are not pages (search, the sign-up messages) pass their
    `title`: they get the sharing tags with their own address. The queries are
    a constant few (the sharing image and its rendition), whatever the page
    holds.
    """
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    site_settings = None
    if request is not None:
        # Cached on the request, so the header and footer share the one lookup.
        try:
            site_settings = SiteSettings.for_request(request)
        except SiteSettings.DoesNotExist:  # no site configured at all
            site_settings = None

    image = _social_image(page, site_settings)
    image_data = None
    if image is not None:
        rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
        url = rendition.url
        if request is not None:
            url = request.build_absolute_uri(url)
        image_data = {
            "url": url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.description or image.title,
        }

    data = {
        "site_name": site_settings.organisation_name if site_settings else "",
        "image": image_data,
        "json_ld": "",
        # As in <html lang>: the page is served in the language it is written in.
        "locale": open_graph_locale(get_language()),
    }
    if page is None and title and request is not None:
        data.update(
            {
                "title": title,
                "og_type": "website",
                # The address without its query: a search term is the reader's.
                "og_url": request.build_absolute_uri(request.path),
            }
        )
    if page is not None:
        canonical = _canonical_url(page, request)
        translations = context.get("translations") or []
        # Every language but the one served: an alias (its locale's address,
        # its original's language) must not offer its own language as another.
        data["locale_alternates"] = [
            alternate
            for alternate in (
                open_graph_locale(translation.locale.language_code)
                for translation in translations
            )
            if alternate != data["locale"]
        ]
        description = ""
        if hasattr(page, "get_meta_description"):
            description = page.get_meta_description()
        else:
            description = page.search_description
        social_text = description
        if hasattr(page, "get_social_text"):
            social_text = page.get_social_text()
        data.update(
            {
                "title": page.seo_title or page.title,
                "description": description,
                "social_text": social_text,
                "canonical": canonical,
                "og_url": canonical,
                "og_type": getattr(page, "og_type", "website"),
            }
        )
        if hasattr(page, "get_json_ld") and canonical:
            scripts = [
                json_ld_script(
                    page.get_json_ld(
                        request, image_url=image_data and image_data["url"]
                    )
                )
            ]
            ancestors = breadcrumb_ancestors(page)
            if ancestors:
                scripts.append(
                    json_ld_script(breadcrumb_list(page, ancestors, request))
                )
            data["json_ld"] = mark_safe("\n".join(scripts))  # noqa: S308  # nosec B308 B703
    return data
