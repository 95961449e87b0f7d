"""The send itself: record every (send, subscriber) pair, then send in batches.

Exactly once, as far as mail allows:
- every recipient gets a Delivery row (unique per send and subscriber) before
  anything is sent, so nobody is skipped if the worker dies;
- a row is claimed (pending -> sending) by a conditional UPDATE that also
  checks that the subscription is still confirmed and the address not
  suppressed, so an unsubscribe is honoured up to the message before theirs;
- over SMTP it is committed "handed over" after the message body and before
  the CRLF.CRLF that makes the server accept it, then "sent" on the 250
  (handover.py). A worker killed before that commit leaves the row open and
  the server with an unterminated DATA it discards: the resumed send mails
  it once. Killed between the commit and the terminator's write (one small
  write), the reader gets nothing and the row stays "handed over": a skip,
  visible in the counts, never a duplicate. A refusal of the terminator
  sends the row back for a retry like any other failure;
- HTTP providers (anymail) and the test backends take a message in one call:
  the row is marked sent when it returns, so a kill in between may still
  mean one resend, with the same Message-ID (a reader may see it twice,
  never zero times), counted in `attempts`;
- one worker at a time holds a send (a lease renewed every batch). A worker
  killed mid-send leaves its lease to expire; `send_newsletters` (scheduled
  every minute) then resumes it.
"""

import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from newsletter.models import Subscription
from newsletter.sending import handover, messages
from newsletter.sending.models import Delivery, IssueSend

# Only ids in log lines, never an address.
logger = logging.getLogger(__name__)

OPEN_STATES = (Delivery.State.PENDING, Delivery.State.SENDING)
MAX_ATTEMPTS = 3


def batch_size():
    return getattr(settings, "NEWSLETTER_SEND_BATCH", 200)


def send_rate():
    """Messages per second at most (0: as fast as the server takes them)."""
    return float(getattr(settings, "NEWSLETTER_SEND_RATE", 20))


def stale_after():
    return timedelta(seconds=getattr(settings, "NEWSLETTER_SEND_STALE_SECONDS", 120))


def recipients(send):
    """Confirmed subscriptions to the list (any of its translations), not suppressed."""
    family = send.mailing_list.translation_key
    return Subscription.objects.filter(
        mailing_list__translation_key=family,
        state=Subscription.State.CONFIRMED,
        subscriber__suppression__isnull=True,
    )


def start(send_id):
    """Queued -> sending, with every recipient recorded. True if this call did it."""
    now = timezone.now()
    with transaction.atomic():
        started = IssueSend.objects.filter(
            pk=send_id, state=IssueSend.State.QUEUED
        ).update(state=IssueSend.State.SENDING, started_at=now)
        if not started:
            return False
        send = IssueSend.objects.select_related("mailing_list").get(pk=send_id)
        rows = (
            recipients(send)
            .order_by("subscriber_id")
            .values_list("pk", "subscriber_id")
        )
        batch = []
        for subscription_id, subscriber_id in rows.iterator(chunk_size=2000):
            batch.append(
                Delivery(
                    send_id=send_id,
                    subscriber_id=subscriber_id,
                    subscription_id=subscription_id,
                )
            )
            if len(batch) == 2000:
                Delivery.objects.bulk_create(batch, ignore_conflicts=True)
                batch = []
        Delivery.objects.bulk_create(batch, ignore_conflicts=True)
        total = send.deliveries.count()
        IssueSend.objects.filter(pk=send_id).update(total=total)
    logger.info("newsletter: send %s recorded %s deliveries", send_id, total)
    return True


def acquire(send_id, lease=None):
    """A lease on a sending send: ours already, free, or left by a dead worker."""
    now = timezone.now()
    held = Q(lease=lease) if lease else Q(pk__in=[])
    free = Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - stale_after())
    lease = lease or uuid.uuid4().hex
    taken = (
        IssueSend.objects.filter(pk=send_id, state=IssueSend.State.SENDING)
        .filter(held | free)
        .update(lease=lease, heartbeat_at=now)
    )
    return lease if taken else None


class _Renderer:
    """Each language of the issue rendered once, for the whole batch."""

    def __init__(self, send):
        self.send = send
        self.fallback = send.mailing_list.canonical().locale.language_code
        self.cache = {}

    def __call__(self, language):
        language = language or self.fallback
        if language not in self.cache:
            page = messages.localized_issue(self.send.issue, language, self.fallback)
            self.cache[language] = messages.render_issue(page, self.send.origin)
        return self.cache[language]


def run_batch(send_id, lease):
    """Send up to one batch; returns 'more', 'done' or 'lost' (lease gone)."""
    if acquire(send_id, lease) is None:
        return "lost"
    send = IssueSend.objects.select_related("mailing_list", "issue").get(pk=send_id)
    rows = list(
        send.deliveries.filter(state__in=OPEN_STATES)
        .select_related("subscriber", "subscription")
        .order_by("pk")[: batch_size()]
    )
    if rows:
        _send_rows(send, rows)
    if send.deliveries.filter(state__in=OPEN_STATES).exists():
        return "more"
    IssueSend.objects.filter(pk=send_id, lease=lease).update(
        state=IssueSend.State.DONE, finished_at=timezone.now(), heartbeat_at=None
    )
    logger.info("newsletter: send %s done", send_id)
    return "done"


def _claim(row):
    """Pending (or left mid-send) -> sending, if the reader is still subscribed."""
    return (
        Delivery.objects.filter(pk=row.pk, state=row.state)
        .filter(
            subscription__state=Subscription.State.CONFIRMED,
            subscriber__suppression__isnull=True,
        )
        .update(state=Delivery.State.SENDING, attempts=F("attempts") + 1)
    )


def _send_rows(send, rows):
    render = _Renderer(send)
    domain = messages.domain_of(send.origin)
    list_header = messages.list_id(send.mailing_list, domain)
    from_email = messages.sender()
    rate = send_rate()
    began = time.monotonic()
    connection = get_connection()
    connection.open()
    try:
        for number, row in enumerate(rows):
            if not _claim(row):
                Delivery.objects.filter(pk=row.pk, state__in=OPEN_STATES).update(
                    state=Delivery.State.SKIPPED
                )
                continue
            rendered = render(row.subscriber.language)
            message = messages.build_message(
                rendered,
                to=row.subscriber.email,
                unsubscribe=messages.unsubscribe_url(
                    row.subscription, send.origin, rendered.language
                ),
                message_id=messages.message_id(send.pk, row.message_key, domain),
                list_header=list_header,
                from_email=from_email,
                connection=connection,
            )
            try:
                _deliver(connection, message, row)
            except handover.ReplyLost as error:
                # The terminator went out: the server may have the message.
                # Sending it again could mail the reader twice; it stays
                # "handed over" and is counted as such.
                logger.warning(
                    "newsletter: delivery %s of send %s handed over, no reply: %s",
                    row.pk,
                    row.send_id,
                    error,
                )
                connection.close()
                connection.open()
                continue
            except Exception as error:  # noqa: BLE001 - any server error
                _record_failure(row, error)
                connection.close()
                connection.open()
                continue
            Delivery.objects.filter(pk=row.pk).update(
                state=Delivery.State.SENT, sent_at=timezone.now(), error=""
            )
            if rate:
                ahead = (number + 1) / rate - (time.monotonic() - began)
                if ahead > 0:
                    time.sleep(ahead)
    finally:
        connection.close()


def _deliver(connection, message, row):
    """One message to the server, the row recorded as close to acceptance as
    the protocol allows (see handover.py).

    SMTP: the row is committed "handed over" after the body and before the
    terminator that makes the server accept it. Anything else (the locmem and
    console backends, django-anymail's HTTP providers): one API call, atomic
    from our side, no terminator to hold back; the row is marked sent after
    it returns, as before, so a crash in between may still mean one resend.
    """
    if not handover.applies_to(connection):
        message.send()
        return

    def handed():
        Delivery.objects.filter(pk=row.pk).update(
            state=Delivery.State.HANDED_OVER, sent_at=timezone.now()
        )

    handover.send(connection, message, handed)


def _record_failure(row, error):
    attempts = row.attempts + 1
    state = (
        Delivery.State.FAILED if attempts >= MAX_ATTEMPTS else Delivery.State.PENDING
    )
    Delivery.objects.filter(pk=row.pk).update(
        state=state, error=type(error).__name__, sent_at=None
    )
    logger.warning(
        "newsletter: delivery %s of send %s failed: %s",
        row.pk,
        row.send_id,
        type(error).__name__,
    )


def stalled_sends():
    """Sends whose worker stopped renewing its lease."""
    return IssueSend.objects.filter(state=IssueSend.State.SENDING).filter(
        Q(heartbeat_at__isnull=True)
        | Q(heartbeat_at__lt=timezone.now() - stale_after())
    )


def due_sends():
    """Approved sends whose time has come and that no task has started."""
    return IssueSend.objects.filter(state=IssueSend.State.QUEUED).filter(
        Q(scheduled_at__isnull=True) | Q(scheduled_at__lte=timezone.now())
    )
