"""Share links that load nothing and track nothing.

Each network gets a plain link built here, on the server: no widget, no
script from elsewhere, no counter. Mastodon has no central host, so the
reader names their own server in a small form; without JavaScript the form
comes to `mastodon_share` here, which only redirects (nothing is stored or
logged); with JavaScript (static/js/share.js) it goes straight there.
"""

import re
from urllib.parse import quote, urlencode

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# A host name as people type it: "mastodon.social", "eldritch.cafe".
INSTANCE = re.compile(
    r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
)


def share_text(page):
    hashtag = getattr(page, "hashtag", "")
    return f"{page.title} {hashtag}".strip()


def share_links(url, text):
    """(network name, address) for every network that takes a plain link."""
    both = f"{text} {url}"
    return [
        (
            _("Email"),
            "mailto:?" + urlencode({"subject": text, "body": url}, quote_via=quote),
        ),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": both})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": both})),
        ("Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": text})),
    ]


def clean_instance(value):
    """The host part of what the reader typed, or "" if it is not a host name."""
    host = (value or "").strip().lower()
    host = re.sub(r"^https?://", "", host).split("/", 1)[0].lstrip("@")
    host = host.rsplit("@", 1)[-1]  # "@me@example.social" names its server too
    return host if INSTANCE.match(host) else ""


@require_GET
@never_cache
def mastodon_share(request):
    """Send the reader to their own Mastodon server's share page."""
    host = clean_instance(request.GET.get("instance"))
    text = request.GET.get("text", "")[:500]
    if not host:
        return HttpResponseBadRequest(
            _("Give the address of your Mastodon server, e.g. mastodon.social."),
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponseRedirect(
        f"https://{host}/share?" + urlencode({"text": text})
    )
    response["Referrer-Policy"] = "no-referrer"
    return response
