"""SMTP sends against a real aiosmtpd server, "killed" at each point of a message.

The kill is simulated by an exception no handler catches (BaseException, as
SystemExit or KeyboardInterrupt are) raised at the point under test; the
sender then drops the socket without QUIT, as a dead process's kernel would.
The server's own count is what a reader would see.
"""

import socket
import threading
import time
from collections import Counter
from datetime import timedelta
from email import message_from_bytes
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from django.utils import timezone

from newsletter.sending import engine, handover
from newsletter.sending.models import Delivery, IssueSend
from tests.newsletter.sending.conftest import queued_send, small_batches

pytestmark = pytest.mark.django_db


class Killed(BaseException):
    """The worker dies here."""


class Server:
    """Counts each message the server accepted, per recipient."""

    def __init__(self):
        self.received = Counter()
        self.messages = []
        self.refuse = set()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd
        with self.lock:
            rcpt = envelope.rcpt_tos[0]
            if rcpt in self.refuse:
                self.refuse.discard(rcpt)
                return "451 try again later"
            for rcpt in envelope.rcpt_tos:
                self.received[rcpt] += 1
            self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Server()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_TIMEOUT=10,
    ):
        yield handler
    controller.stop()


def settle():
    """The server handles a dropped connection in its own thread."""
    time.sleep(0.2)


def resume(send):
    """The dead worker's lease expires; the scheduler resumes the send."""
    IssueSend.objects.filter(pk=send.pk).update(
        heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    lease = engine.acquire(send.pk)
    while engine.run_batch(send.pk, lease) == "more":
        pass


def started(issue, mailing_list):
    send = queued_send(issue, mailing_list)
    engine.start(send.pk)
    return send


def killed_at_terminator(issue, mailing_list):
    """Dies just before the terminator, the victim's row already committed."""
    send = started(issue, mailing_list)
    victim = send.deliveries.order_by("pk")[3]
    real = handover.write_terminator

    def dying(smtp):
        if Delivery.objects.get(pk=victim.pk).state == "handed":
            raise Killed
        return real(smtp)

    with small_batches(10), mock.patch.object(handover, "write_terminator", dying):
        lease = engine.acquire(send.pk)
        with pytest.raises(Killed):
            engine.run_batch(send.pk, lease)
    settle()
    return send, Delivery.objects.select_related("subscriber").get(pk=victim.pk)


def killed_in_handed(issue, mailing_list):
    """Dies inside handed(), before its UPDATE commits."""
    send = started(issue, mailing_list)
    victim = send.deliveries.order_by("pk")[3]
    real_send = handover.send

    def send_dying_for_the_victim(connection, message, handed):
        def dying():
            raise Killed

        return real_send(
            connection, message, dying if message.to[0] == victim_email else handed
        )

    victim_email = victim.subscriber.email
    with (
        small_batches(10),
        mock.patch.object(handover, "send", send_dying_for_the_victim),
    ):
        lease = engine.acquire(send.pk)
        with pytest.raises(Killed):
            engine.run_batch(send.pk, lease)
    settle()
    return send, Delivery.objects.select_related("subscriber").get(pk=victim.pk)


def test_every_reader_gets_one_message_with_their_own_headers(
    server, issue, mailing_list, supporters
):
    send = started(issue, mailing_list)
    with small_batches(4):
        resume(send)
    assert server.received == Counter({s.email: 1 for s in supporters})
    assert send.deliveries.filter(state="sent").count() == 10
    first, second = server.messages[0], server.messages[1]
    assert first["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert first["List-Id"].endswith(f"<list-{mailing_list.pk}.testserver>")
    assert first["List-Unsubscribe"] != second["List-Unsubscribe"]
    row = send.deliveries.get(subscriber__email=first["To"])
    assert first["Message-ID"] == f"<issue-{send.pk}.{row.message_key}@testserver>"
    assert first["Subject"] == "June: the resolution passed"


def test_killed_after_the_body_before_the_commit_the_resume_sends_it_once(
    server, issue, mailing_list, supporters
):
    # The body is on the wire, the terminator is not, the row still open.
    send, victim = killed_in_handed(issue, mailing_list)
    assert victim.state == "sending"
    assert victim.subscriber.email not in server.received  # discarded by the server
    with small_batches(10):
        resume(send)
    assert server.received == Counter({s.email: 1 for s in supporters})
    victim.refresh_from_db()
    assert (victim.state, victim.attempts) == ("sent", 2)


def test_killed_after_the_commit_before_the_terminator_is_the_one_skip_left(
    server, issue, mailing_list, supporters
):
    # The remaining window: the row says "handed over", the terminator never
    # went out, so the server accepted nothing and nothing resends it. One
    # reader skipped (visible in the counts), nobody mailed twice.
    send, victim = killed_at_terminator(issue, mailing_list)
    assert victim.state == "handed"
    assert victim.subscriber.email not in server.received
    with small_batches(10):
        resume(send)
    assert victim.subscriber.email not in server.received  # the skip
    assert server.received == Counter(
        {s.email: 1 for s in supporters if s != victim.subscriber}
    )
    send.refresh_from_db()
    assert send.state == IssueSend.State.DONE
    assert send.counts()["handed"] == 1 and send.counts()["sent"] == 9


def test_killed_after_the_terminator_the_reader_has_it_once(
    server, issue, mailing_list, supporters
):
    # The terminator is written; the worker dies before reading the 250.
    send = started(issue, mailing_list)
    victim = send.deliveries.order_by("pk").select_related("subscriber")[3]
    real = handover.write_terminator

    def write_then_die(smtp):
        real(smtp)
        if smtp.last_rcpt == victim.subscriber.email:
            raise Killed

    real_rcpt = handover.smtplib.SMTP.rcpt

    def rcpt(self, recipient, options=()):
        self.last_rcpt = recipient
        return real_rcpt(self, recipient, options)

    with (
        small_batches(10),
        mock.patch.object(handover, "write_terminator", write_then_die),
        mock.patch.object(handover.smtplib.SMTP, "rcpt", rcpt),
    ):
        with pytest.raises(Killed):
            engine.run_batch(send.pk, engine.acquire(send.pk))
    settle()
    with small_batches(10):
        resume(send)
    assert server.received == Counter({s.email: 1 for s in supporters})
    assert Delivery.objects.get(pk=victim.pk).state == "handed"


def test_a_refused_terminator_is_retried(server, issue, mailing_list, supporters):
    server.refuse.add(supporters[2].email)  # 451 once, after the terminator
    send = started(issue, mailing_list)
    with small_batches(4):
        resume(send)
    assert server.received == Counter({s.email: 1 for s in supporters})
    row = send.deliveries.get(subscriber=supporters[2])
    assert (row.state, row.attempts, row.error) == ("sent", 2, "")


def test_the_bytes_on_the_wire_are_what_smtplib_would_send():
    message = b"Subject: x\r\n\r\n.dot line\r\nend\r\n"
    body = handover.body_without_terminator(message)
    assert body + handover.TERMINATOR == b"Subject: x\r\n\r\n..dot line\r\nend\r\n.\r\n"
    assert not body.endswith(b"\r\n.\r\n")
