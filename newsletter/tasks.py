"""Background work: the one email a sign-up may cause.

The sign-up view enqueues `send_signup_email` for every accepted form,
whatever the address's state, so the request does the same work for all;
this task decides what (if anything) to send.
"""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from newsletter.mail import switch_tracking_off
from newsletter.models import (
    NewsletterSettings,
    Subscriber,
    Subscription,
    new_nonce,
)
from newsletter.tokens import make_confirm_token, make_unsubscribe_token

# Only ids go in log lines: never an address, IP or user agent.
logger = logging.getLogger(__name__)

EMAIL_INTERVAL = timedelta(hours=1)


def claim_email_slot(subscriber_id, now=None):
    """True if this address may get an email now (at most one an hour).

    A single conditional UPDATE, so concurrent sign-ups cannot both win.
    """
    now = now or timezone.now()
    return bool(
        Subscriber.objects.filter(pk=subscriber_id)
        .filter(
            Q(last_emailed_at__isnull=True)
            | Q(last_emailed_at__lte=now - EMAIL_INTERVAL)
        )
        .update(last_emailed_at=now)
    )


def _absolute(origin, url):
    return origin.rstrip("/") + url


def list_headers(subscription, origin, site=None):
    """Headers that place the message on the site's own domain: Message-ID and
    List-Id (RFC 2919) under the site's host name, never the machine's
    ("@localhost" is a spam signal), and Reply-To the organisation's public
    contact address, so a reply reaches people, not the sending robot."""
    from core.models import SiteSettings

    domain = urlsplit(origin).hostname or "localhost"
    mailing_list = subscription.mailing_list
    name = mailing_list.name.replace('"', "'")
    headers = {
        "Message-ID": make_msgid(domain=domain),
        "List-Id": f'"{name}" <list-{mailing_list.translation_key}.{domain}>',
    }
    if site is not None:
        contact = SiteSettings.for_site(site).contact_email
        if contact:
            headers["Reply-To"] = contact
    return headers


def build_email(subscription, origin, kind, site=None):
    """The message for a subscription: 'confirm' or 'already'."""
    subscriber = subscription.subscriber
    newsletter_settings = (
        NewsletterSettings.for_site(site) if site is not None else NewsletterSettings()
    )
    with translation.override(subscriber.language or None):
        unsubscribe_url = _absolute(
            origin,
            reverse(
                "newsletter:unsubscribe", args=[make_unsubscribe_token(subscription)]
            ),
        )
        context = {
            "subscriber": subscriber,
            "mailing_list": subscription.mailing_list.localized,
            "unsubscribe_url": unsubscribe_url,
        }
        if kind == "confirm":
            context["confirm_url"] = _absolute(
                origin,
                reverse("newsletter:confirm", args=[make_confirm_token(subscription)]),
            )
        subject = " ".join(
            render_to_string(f"newsletter/emails/{kind}_subject.txt", context).split()
        )
        body = render_to_string(f"newsletter/emails/{kind}_body.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=newsletter_settings.get_from_email(),
        to=[subscriber.email],
        headers={
            # RFC 2369 and RFC 8058: mail clients offer an unsubscribe button
            # that POSTs "List-Unsubscribe=One-Click" to this address.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
            "Content-Language": subscriber.language or settings.LANGUAGE_CODE,
            **list_headers(subscription, origin, site),
        },
    )
    return switch_tracking_off(message)


@task()
def send_signup_email(subscription_id, origin, site_id=None):
    """Send the confirmation (pending) or 'already subscribed' note (confirmed)."""
    from wagtail.models import Site

    subscription = (
        Subscription.objects.select_related("subscriber", "mailing_list")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None:
        return "gone"
    if subscription.state == Subscription.State.CONFIRMED:
        kind = "already"
    elif subscription.state == Subscription.State.PENDING:
        kind = "confirm"
    else:
        return "unsubscribed"
    if not claim_email_slot(subscription.subscriber_id):
        return "throttled"
    if kind == "confirm":
        # Each confirmation email carries a new nonce: a re-send retires the
        # links sent before it, so only the latest one confirms.
        subscription.confirm_nonce = new_nonce()
        Subscription.objects.filter(pk=subscription.pk).update(
            confirm_nonce=subscription.confirm_nonce
        )
    site = Site.objects.filter(pk=site_id).first() if site_id else None
    try:
        build_email(subscription, origin, kind, site=site).send()
    except Exception as error:
        # Mail servers put the recipient in their errors, and task results
        # (with their tracebacks) are stored: keep only the error's type.
        logger.warning(
            "newsletter: %s email for subscription %s failed: %s",
            kind,
            subscription.pk,
            type(error).__name__,
        )
        raise RuntimeError(f"sending failed: {type(error).__name__}") from None
    logger.info("newsletter: sent %s email for subscription %s", kind, subscription.pk)
    return kind
