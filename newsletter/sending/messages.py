"""One subscriber's message of an issue: the issue rendered once per language,
then copied per recipient with their own unsubscribe link and Message-ID.

An issue is any page with `newsletter_email_content(origin)` returning a dict
with `subject`, `preheader`, `body_html` (the body from its block templates)
and `web_url` (its page in the archive). Rendering happens once per language
per batch; per recipient only the links change, so 10,000 messages cost
10,000 string substitutions, not 10,000 template renders.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from newsletter.mail import switch_tracking_off
from newsletter.models import NewsletterSettings
from newsletter.sending.email_html import rewrite
from newsletter.tokens import make_unsubscribe_token

UNSUBSCRIBE_MARK = "%%UNSUBSCRIBE_URL%%"


@dataclass(frozen=True)
class RenderedIssue:
    """An issue in one language, with a mark where the unsubscribe link goes."""

    subject: str
    html: str
    text: str
    language: str


def is_issue(page):
    return hasattr(page, "newsletter_email_content")


def localized_issue(issue, language, fallback_language):
    """The live translation in the reader's language, else the list's, else as is."""
    issue = issue.specific
    for code in (language, fallback_language):
        if not code:
            continue
        if issue.locale.language_code == code and issue.live:
            return issue
        locale = Locale.objects.filter(language_code=code).first()
        translation_ = issue.get_translation_or_none(locale) if locale else None
        if translation_ is not None and translation_.live:
            return translation_.specific
    return issue


def render_issue(page, origin, language=None):
    """The issue as an email in the page's language (HTML and text parts)."""
    language = language or page.locale.language_code
    with translation.override(language):
        content = page.newsletter_email_content(origin)
        body_html, body_text = rewrite(
            content["body_html"],
            origin,
            images=getattr(settings, "NEWSLETTER_EMAIL_IMAGES", False),
        )
        context = {
            **content,
            "body_html": body_html,
            "body_text": body_text,
            "unsubscribe_url": UNSUBSCRIBE_MARK,
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
        }
        html = render_to_string("newsletter/email/issue.html", context)
        text = render_to_string("newsletter/email/issue.txt", context)
    return RenderedIssue(" ".join(content["subject"].split()), html, text, language)


def unsubscribe_url(subscription, origin, language):
    with translation.override(language):
        path = reverse(
            "newsletter:unsubscribe", args=[make_unsubscribe_token(subscription)]
        )
    return origin.rstrip("/") + path


def list_id(mailing_list, domain):
    """RFC 2919 List-Id: an ASCII phrase and a stable id on the site's domain."""
    phrase = re.sub(r"[^A-Za-z0-9 #'._-]", "", mailing_list.name).strip()
    identifier = f"list-{mailing_list.pk}.{domain}"
    return f'"{phrase}" <{identifier}>' if phrase else f"<{identifier}>"


def sender(site=None):
    newsletter_settings = (
        NewsletterSettings.for_site(site) if site is not None else NewsletterSettings()
    )
    return newsletter_settings.get_from_email()


def build_message(
    rendered, *, to, unsubscribe, message_id, list_header, from_email, connection=None
):
    """One recipient's message: their own one-click link, no tracking."""
    headers = {
        # RFC 2369 and RFC 8058: the mail client's unsubscribe button POSTs
        # "List-Unsubscribe=One-Click" to the reader's own link.
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": list_header,
        "Message-ID": message_id,
    }
    envelope = getattr(settings, "NEWSLETTER_BOUNCE_ADDRESS", "")
    if envelope:
        # Bounces go to the bounce mailbox; readers still see the sender.
        headers["From"] = from_email
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text.replace(UNSUBSCRIBE_MARK, unsubscribe),
        from_email=envelope or from_email,
        to=[to],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(
        rendered.html.replace(UNSUBSCRIBE_MARK, unsubscribe), "text/html"
    )
    return switch_tracking_off(message)


def message_id(send_id, key, domain):
    return f"<issue-{send_id}.{key}@{domain}>"


def domain_of(origin):
    return urlsplit(origin).hostname or "localhost"


def preview_message(page, origin, mailing_list=None):
    """The issue as a reader would get it, with an inert unsubscribe link."""
    rendered = render_issue(page, origin)
    domain = domain_of(origin)
    return build_message(
        rendered,
        to="reader@example.org",
        unsubscribe=origin.rstrip("/") + "/newsletter/unsubscribe/preview/",
        message_id=message_id("preview", "0", domain),
        list_header=list_id(mailing_list, domain) if mailing_list else f"<{domain}>",
        from_email=sender(),
    )
