"""Bounces and complaints from the email provider, through anymail's webhooks.

anymail authenticates the webhook (HTTP basic auth with ANYMAIL's
WEBHOOK_SECRET, plus the provider's own signature where it has one) and sends
the `tracking` signal; this receiver keeps only the state change: the
subscriber is suppressed (never mailed again) or unsubscribed. The event
itself, with its address, IP and user agent, is not stored or logged.
"""

import logging

from django.dispatch import receiver
from django.utils import timezone

from newsletter.addresses import stored_form
from newsletter.models import Subscriber, Subscription
from newsletter.sending.models import Suppression

logger = logging.getLogger(__name__)

try:
    from anymail.signals import tracking
except ImportError:  # anymail is optional for SMTP-only deployments
    tracking = None

SUPPRESSING = {
    "bounced": Suppression.Reason.BOUNCED,
    "complained": Suppression.Reason.COMPLAINED,
    "rejected": Suppression.Reason.REJECTED,
}


def record_event(event_type, recipient):
    """Suppress or unsubscribe the address named by a provider event."""
    subscriber = Subscriber.objects.filter(email=stored_form(recipient)).first()
    if subscriber is None:
        return None
    if event_type == "unsubscribed":
        Subscription.objects.filter(subscriber=subscriber).exclude(
            state=Subscription.State.UNSUBSCRIBED
        ).update(state=Subscription.State.UNSUBSCRIBED, unsubscribed_at=timezone.now())
        return "unsubscribed"
    reason = SUPPRESSING.get(event_type)
    if reason is None:
        return None
    Suppression.objects.get_or_create(
        subscriber=subscriber, defaults={"reason": reason}
    )
    logger.info("newsletter: subscriber %s suppressed (%s)", subscriber.pk, reason)
    return reason


if tracking is not None:

    @receiver(tracking, dispatch_uid="newsletter.sending.tracking")
    def on_tracking_event(sender, event, esp_name, **kwargs):
        # A soft bounce (deferred) is not a reason to stop mailing someone.
        if event.event_type in (*SUPPRESSING, "unsubscribed") and event.recipient:
            record_event(event.event_type, event.recipient)
