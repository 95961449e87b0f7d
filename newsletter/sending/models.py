"""What a newsletter send records: the send, one delivery per subscriber,
and the addresses that must not be mailed again (bounces, complaints).

No address is copied here: deliveries point at subscribers, so erasing a
supporter erases their delivery rows with them.
"""

import uuid

from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class IssueSend(models.Model):
    """One newsletter issue sent (or to be sent) to one mailing list."""

    class State(models.TextChoices):
        AWAITING_APPROVAL = "awaiting", pgettext_lazy("send", "Awaiting approval")
        QUEUED = "queued", pgettext_lazy("send", "Queued")
        SENDING = "sending", pgettext_lazy("send", "Sending")
        DONE = "done", pgettext_lazy("send", "Done")
        FAILED = "failed", pgettext_lazy("send", "Failed")
        CANCELLED = "cancelled", pgettext_lazy("send", "Cancelled")

    issue = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("issue"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The newsletter issue (in any of its languages)."),
    )
    mailing_list = models.ForeignKey(
        "newsletter.MailingList",
        verbose_name=_("mailing list"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=State.choices,
        default=State.AWAITING_APPROVAL,
    )
    scheduled_at = models.DateTimeField(
        _("send at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to send as soon as it is approved."),
    )
    requested_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Moved on by every batch: a send that stops moving lost its worker.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Which task chain holds the send: one worker at a time sends it.
    lease = models.CharField(max_length=32, blank=True, editable=False)
    # The site's origin at approval, for the links in the messages.
    origin = models.CharField(max_length=255, blank=True, editable=False)
    total = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("newsletter send")
        verbose_name_plural = _("newsletter sends")
        ordering = ["-created_at"]
        permissions = [("approve_issuesend", "Can approve newsletter sends")]

    def __str__(self):
        return f"{self.issue.title} \u2192 {self.mailing_list}"

    def counts(self):
        """Deliveries per state, every state present (0 when none)."""
        found = dict(
            self.deliveries.values_list("state").annotate(n=Count("id")).order_by()
        )
        return {state: found.get(state, 0) for state in Delivery.State.values}


class Delivery(models.Model):
    """One subscriber's copy of one send, recorded before it is sent."""

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("delivery", "Pending")
        # Claimed and handed to the mail server; a crash leaves it here.
        SENDING = "sending", pgettext_lazy("delivery", "Being sent")
        # SMTP only: committed after the body, before the terminator that
        # makes the server accept it. Left here by a crash or a lost reply:
        # the reader may not have it (never sent twice).
        HANDED_OVER = "handed", pgettext_lazy("delivery", "Handed to the server")
        SENT = "sent", pgettext_lazy("delivery", "Sent")
        SKIPPED = "skipped", pgettext_lazy("delivery", "Skipped (left the list)")
        FAILED = "failed", pgettext_lazy("delivery", "Failed")

    send = models.ForeignKey(
        IssueSend, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", on_delete=models.CASCADE, related_name="+"
    )
    # The subscription whose one-click unsubscribe link the message carries.
    subscription = models.ForeignKey(
        "newsletter.Subscription", on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    # The same Message-ID if a crash forces a resend, so clients can merge them.
    message_key = models.UUIDField(default=uuid.uuid4, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The exception's type only: mail servers quote the address in errors.
    error = models.CharField(max_length=80, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["send", "subscriber"], name="newsletter_one_delivery_per_send"
            )
        ]
        indexes = [models.Index(fields=["send", "state"])]

    def __str__(self):
        return f"{self.send_id}/{self.pk} {self.state}"


class Suppression(models.Model):
    """An address the provider reported as hard-bouncing or complaining."""

    class Reason(models.TextChoices):
        BOUNCED = "bounced", pgettext_lazy("suppression", "Hard bounce")
        COMPLAINED = "complained", pgettext_lazy("suppression", "Spam complaint")
        REJECTED = "rejected", pgettext_lazy("suppression", "Rejected by provider")

    subscriber = models.OneToOneField(
        "newsletter.Subscriber",
        on_delete=models.CASCADE,
        related_name="suppression",
    )
    reason = models.CharField(max_length=12, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return f"{self.subscriber_id}: {self.reason}"
