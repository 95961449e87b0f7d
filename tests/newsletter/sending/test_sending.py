"""Sending an issue: once per subscriber, through crashes and unsubscribes."""

from collections import Counter
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from newsletter.models import Subscription
from newsletter.sending import engine, tasks
from newsletter.sending.models import Delivery, IssueSend, Suppression
from newsletter.sending.webhooks import record_event
from tests.newsletter.sending.conftest import (
    queued_send,
    run_until_done,
    small_batches,
    subscribe,
)

pytestmark = pytest.mark.django_db


def recipients_of(outbox):
    return Counter(message.to[0] for message in outbox)


def test_every_pair_is_recorded_before_the_first_message(
    issue, mailing_list, supporters
):
    send = queued_send(issue, mailing_list)
    subscribe("pending@example.org", mailing_list, state="pending")
    engine.start(send.pk)
    send.refresh_from_db()
    assert send.total == 10
    assert send.deliveries.filter(state="pending").count() == 10
    assert mail.outbox == []
    # A second start (a duplicated task) records nothing more.
    assert engine.start(send.pk) is False
    assert send.deliveries.count() == 10


def test_a_crash_between_batches_resumes_with_no_duplicate_and_no_gap(
    issue, mailing_list, supporters
):
    send = queued_send(issue, mailing_list)
    with small_batches(3):
        engine.start(send.pk)
        lease = engine.acquire(send.pk)
        assert engine.run_batch(send.pk, lease) == "more"
        # The worker dies here: no next batch is queued. Its lease expires.
        IssueSend.objects.filter(pk=send.pk).update(
            heartbeat_at=timezone.now() - timedelta(hours=1)
        )
        assert tasks.resume_stalled() == [send.pk]  # runs the rest at once
    counts = recipients_of(mail.outbox)
    assert set(counts) == {s.email for s in supporters}  # 0 skipped
    assert max(counts.values()) == 1  # 0 duplicates
    send.refresh_from_db()
    assert send.state == IssueSend.State.DONE


def test_a_message_cut_off_mid_send_is_sent_again_with_the_same_message_id(
    issue, mailing_list, supporters
):
    send = queued_send(issue, mailing_list)
    with small_batches(3):
        engine.start(send.pk)
        # Killed while the server had the message: the row stays "sending".
        cut = send.deliveries.order_by("pk").first()
        Delivery.objects.filter(pk=cut.pk).update(state="sending", attempts=1)
        run_until_done(send, engine.acquire(send.pk))
    counts = recipients_of(mail.outbox)
    assert len(counts) == 10 and max(counts.values()) == 1
    resent = next(m for m in mail.outbox if m.to[0] == cut.subscriber.email)
    assert str(cut.message_key) in resent.extra_headers["Message-ID"]
    assert Delivery.objects.get(pk=cut.pk).attempts == 2


def test_a_live_lease_keeps_a_second_worker_out(issue, mailing_list, supporters):
    send = queued_send(issue, mailing_list)
    engine.start(send.pk)
    assert engine.acquire(send.pk) is not None
    assert engine.acquire(send.pk) is None
    assert engine.run_batch(send.pk, "not-the-lease") == "lost"
    assert mail.outbox == []


def test_an_unsubscribe_during_the_send_is_honoured(issue, mailing_list, supporters):
    send = queued_send(issue, mailing_list)
    leaver = supporters[-1]
    real_send = EmailBackend.send_messages

    def send_and_unsubscribe(self, messages):
        # After the first message, the last reader clicks "unsubscribe".
        Subscription.objects.filter(subscriber=leaver).update(state="unsubscribed")
        return real_send(self, messages)

    with (
        small_batches(4),
        mock.patch.object(EmailBackend, "send_messages", send_and_unsubscribe),
    ):
        engine.start(send.pk)
        run_until_done(send, engine.acquire(send.pk))
    assert leaver.email not in recipients_of(mail.outbox)
    assert len(mail.outbox) == 9
    assert send.deliveries.get(subscriber=leaver).state == "skipped"


def test_suppressed_addresses_are_not_mailed(issue, mailing_list, supporters):
    assert record_event("bounced", "nobody@example.org") is None
    record_event("bounced", supporters[0].email)
    record_event("complained", supporters[1].email)
    record_event("deferred", supporters[2].email)  # soft bounce: still mailed
    send = queued_send(issue, mailing_list)
    tasks.start_send.enqueue(send.pk)
    mailed = recipients_of(mail.outbox)
    assert supporters[0].email not in mailed
    assert supporters[1].email not in mailed
    assert supporters[2].email in mailed
    assert Suppression.objects.count() == 2


def test_each_message_carries_its_own_unsubscribe_link_and_list_headers(
    issue, mailing_list, supporters, client
):
    send = queued_send(issue, mailing_list)
    tasks.start_send.enqueue(send.pk)
    first, second = mail.outbox[0], mail.outbox[1]
    headers = first.extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Id"].endswith(f"<list-{mailing_list.pk}.testserver>")
    assert headers["Message-ID"].endswith("@testserver>")
    assert headers["List-Unsubscribe"] != second.extra_headers["List-Unsubscribe"]
    # The link is the reader's own one-click unsubscribe (RFC 8058).
    url = headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    reader = Subscription.objects.get(subscriber__email=first.to[0])
    assert reader.state == "unsubscribed"
    assert first.subject == "June: the resolution passed"
    assert "We did it" in first.body and "http://testserver/campaigns/" in first.body
    html = first.alternatives[0][0]
    assert 'href="http://testserver/campaigns/"' in html
    assert "<script" not in html and "src=" not in html  # nothing loaded


def test_readers_get_their_language_or_the_lists(issue, mailing_list, supporters):
    from wagtail.models import Locale

    french = issue.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    french.subject = "Juin : la résolution est adoptée"
    french.save_revision().publish()
    subscribe("lectrice@example.org", mailing_list, language="fr")
    subscribe("lector@example.org", mailing_list, language="es")  # no Spanish issue
    send = queued_send(issue, mailing_list)
    tasks.start_send.enqueue(send.pk)
    by_reader = {m.to[0]: m for m in mail.outbox}
    assert by_reader["lectrice@example.org"].subject.startswith("Juin")
    assert "/fr/newsletter/unsubscribe/" in by_reader["lectrice@example.org"].body
    assert by_reader["lector@example.org"].subject.startswith("June")
    assert by_reader["reader0@example.org"].subject.startswith("June")


def test_images_only_from_the_sites_own_origin_when_turned_on(settings):
    from newsletter.sending.email_html import rewrite

    body = (
        '<p><img src="/media/a.jpg" alt="Vigil"><img src="https://cdn.example/b.png"'
        ' alt="Logo"><script>x()</script><iframe src="https://t.example/"></iframe></p>'
    )
    html, text = rewrite(body, "https://campaigns.example", images=True)
    assert 'src="https://campaigns.example/media/a.jpg"' in html
    assert "cdn.example" not in html and "[Logo]" in html
    assert "script" not in html and "iframe" not in html
    html_off, _text = rewrite(body, "https://campaigns.example", images=False)
    assert "<img" not in html_off and "[Vigil]" in html_off
    assert "[Vigil]" in text
    _html, text = rewrite(
        "<p>Thank you. <a href='/'>Read more</a>.</p>", "https://x.example"
    )
    assert text == "Thank you. Read more <https://x.example/>."


def test_a_scheduled_send_waits_for_its_time(issue, mailing_list, supporters):
    send = queued_send(
        issue, mailing_list, scheduled_at=timezone.now() + timedelta(hours=2)
    )
    tasks.queue_send(send)  # the immediate backend cannot defer: nothing yet
    assert tasks.start_due() == [] and mail.outbox == []
    IssueSend.objects.filter(pk=send.pk).update(scheduled_at=timezone.now())
    assert tasks.start_due() == [send.pk]
    assert len(mail.outbox) == 10
