"""The brand's stylesheet link, asked once until the structure changes
(saving the brand setting moves it on)."""

from django import template
from wagtail.models import Site

from core.serving.content_cache import remember_until_structure_changes

register = template.Library()


@register.simple_tag(takes_context=True)
def brand_stylesheet_url(context):
    """The URL of the brand's colours, or "" when the site keeps the defaults.

    Every page asks it; it changes only when Settings > Brand is saved, which
    moves the structure generation on (core.serving.content_cache), so it
    costs no query on a warm render, nor on the first render after a publish.
    """
    from core.brand import BrandSettings

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""

    def compute():
        brand = BrandSettings.for_site(site)
        return "" if brand.is_default else brand.stylesheet_url()

    return remember_until_structure_changes(("brand-stylesheet", site.pk), compute)
