"""{% share_links page %}: the share box of a page (core/share.py)."""

from django import template
from django.urls import reverse

from core import share

register = template.Library()


@register.inclusion_tag("components/share.html", takes_context=True)
def share_links(context, page):
    request = context.get("request")
    url = page.get_full_url(request)
    text = share.share_text(page)
    return {
        "url": url,
        "text": text,
        "links": share.share_links(url, text),
        "mastodon_action": reverse("share_mastodon"),
        "mastodon_text": f"{text} {url}",
    }
