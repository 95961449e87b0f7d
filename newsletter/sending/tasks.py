"""The task worker's part of a send: start, one batch after another, tests.

Each batch is its own task, so a send of 100,000 never holds a worker for
hours, other mail (confirmations) gets its turn between batches, and a
restarted worker loses at most the batch it was in.
"""

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task

from newsletter.sending import engine, messages

QUEUE = getattr(settings, "NEWSLETTER_SEND_QUEUE", "default")


@task(queue_name=QUEUE)
def start_send(send_id):
    """Record every recipient of an approved send, then start its batches."""
    engine.start(send_id)
    lease = engine.acquire(send_id)
    if lease:
        send_batch.enqueue(send_id, lease)
    return "started" if lease else "not started"


@task(queue_name=QUEUE)
def send_batch(send_id, lease):
    """Send one batch and queue the next, holding the send's lease."""
    outcome = engine.run_batch(send_id, lease)
    if outcome == "more":
        send_batch.enqueue(send_id, lease)
    return outcome


@task(queue_name=QUEUE)
def send_test_issue(page_id, address, origin):
    """The issue, as a subscriber would get it, to a staff member's own address."""
    from wagtail.models import Page

    page = Page.objects.get(pk=page_id).specific
    message = messages.preview_message(page, origin)
    message.to = [address]
    message.subject = f"[TEST] {message.subject}"
    message.send()
    return "sent"


def queue_send(send):
    """Hand an approved send to the worker, now or at its scheduled time."""
    if send.scheduled_at and send.scheduled_at > timezone.now():
        if not default_task_backend.supports_defer:
            return  # `send_newsletters` starts it when its time comes
        start_send.using(run_after=send.scheduled_at).enqueue(send.pk)
        return
    start_send.enqueue(send.pk)


def resume_stalled():
    """Restart sends whose worker died (their lease expired)."""
    resumed = []
    for send in engine.stalled_sends():
        lease = engine.acquire(send.pk)
        if lease:
            send_batch.enqueue(send.pk, lease)
            resumed.append(send.pk)
    return resumed


def start_due():
    """Start approved sends whose scheduled time has passed (no deferred task)."""
    started = []
    for send in engine.due_sends():
        start_send.enqueue(send.pk)
        started.append(send.pk)
    return started
