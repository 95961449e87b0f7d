"""`make bench-send`: one issue to 10,000 confirmed subscribers, worker killed once.

The benchmark makes a throwaway database (SQLite, or BENCH_SEND_DATABASE_URL),
starts an aiosmtpd sink on 127.0.0.1, approves a send, and runs it through a
real `manage.py db_worker` process. When a third of the messages have
arrived it kills the worker (SIGKILL, as a crash or an OOM kill would), starts
a new one, and lets the every-minute `send_newsletters` job resume the send
once the dead worker's lease has expired. Reported: messages per second
(sending time only), messages received, duplicates, missing, resent after
the kill, rows left "handed over" (the kill fell after a terminator, before
its 250 was read) and the workers' peak memory (VmHWM). Targets: 10,000 received,
0 duplicates, 0 missing. Options: --subscribers N (10,000).
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Sink:
    """An SMTP server that counts what each recipient receives."""

    def __init__(self):
        self.received = Counter()
        self.first = None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.received[rcpt] += 1
            if self.first is None:
                self.first = envelope.content.decode("utf-8", "replace")
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def peak_memory_kb(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def seed(count):
    from django.core.management import call_command
    from wagtail.models import Locale

    from campaigns.issues import NewsletterArchivePage, NewsletterIssuePage
    from newsletter.models import MailingList, Subscriber, Subscription
    from tests.factories import make_site_with_home, publish_child

    call_command("migrate", verbosity=0)
    home = make_site_with_home()
    archive = publish_child(
        home, NewsletterArchivePage(title="Updates", slug="updates")
    )
    issue = publish_child(
        archive,
        NewsletterIssuePage(
            title="June update",
            slug="june",
            subject="June: the resolution passed",
            preheader="What changed, and what comes next.",
            body=[
                ("heading", {"text": "We did it", "level": "h2"}),
                ("text", "<p>Thank you. <a href='/'>Read more</a>.</p>" * 5),
            ],
        ),
    )
    mailing_list = MailingList.objects.create(
        name="Bench updates", description="Bench.", locale=Locale.get_default()
    )
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n}@bench.example") for n in range(count)
    )
    Subscription.objects.bulk_create(
        Subscription(subscriber=s, mailing_list=mailing_list, state="confirmed")
        for s in Subscriber.objects.all()
    )
    return issue, mailing_list


def start_worker(env):
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--interval",
            "0.2",
            "--no-startup-delay",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-send-")
    port = free_port()
    env = dict(os.environ)
    env.setdefault("BENCH_SEND_DATABASE_URL", f"sqlite:///{workdir}/send.sqlite3")
    env.update(DJANGO_SETTINGS_MODULE="bench.send_settings", BENCH_SMTP_PORT=str(port))
    os.environ.update(env)

    import django

    django.setup()
    from aiosmtpd.controller import Controller

    from newsletter.sending import tasks
    from newsletter.sending.models import Delivery, IssueSend

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()

    issue, mailing_list = seed(args.subscribers)
    send = IssueSend.objects.create(
        issue=issue,
        mailing_list=mailing_list,
        state=IssueSend.State.QUEUED,
        origin="https://bench.example",
    )
    tasks.queue_send(send)

    peaks = []
    began = time.monotonic()
    worker = start_worker(env)
    while sum(sink.received.values()) < args.subscribers // 3:
        time.sleep(0.05)
        peaks.append(peak_memory_kb(worker.pid))
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    killed_at = sum(sink.received.values())
    down = time.monotonic()
    worker = start_worker(env)
    # The scheduler's `send_newsletters` run, once the dead lease is stale.
    resumed = []
    while not resumed:
        time.sleep(1)
        resumed = tasks.resume_stalled()
    paused = time.monotonic() - down
    while IssueSend.objects.get(pk=send.pk).state != IssueSend.State.DONE:
        time.sleep(0.2)
        peaks.append(peak_memory_kb(worker.pid))
    elapsed = time.monotonic() - began
    time.sleep(0.5)
    worker.send_signal(signal.SIGTERM)
    worker.wait(timeout=30)
    controller.stop()

    wanted = {f"reader{n}@bench.example" for n in range(args.subscribers)}
    received = sum(sink.received.values())
    duplicates = sum(n - 1 for n in sink.received.values() if n > 1)
    missing = len(wanted - set(sink.received))
    resent = Delivery.objects.filter(send=send, attempts__gt=1).count()
    # Rows committed "handed over" whose 250 the worker never read (killed
    # after the terminator went out); the sink's count says whether they came.
    handed = Delivery.objects.filter(send=send, state=Delivery.State.HANDED_OVER)
    sending_time = elapsed - paused
    print(f"database            {django.db.connection.vendor}")  # noqa: T201
    for label, value in [
        ("subscribers", args.subscribers),
        ("received", received),
        ("duplicates", duplicates),
        ("missing", missing),
        ("killed after", f"{killed_at} received"),
        ("resent after kill", resent),
        ("left handed over", handed.count()),
        ("messages/s", f"{args.subscribers / sending_time:.0f} (sending time "
         f"{sending_time:.1f} s, lease wait {paused:.1f} s not counted)"),
        ("worker peak memory", f"{max(peaks) / 1024:.0f} MB (VmHWM)"),
    ]:  # fmt: skip
        print(f"{label:<20}{value}")  # noqa: T201
    # SMTP lines end in CRLF: the headers end at the first empty line.
    first = (sink.first or "").replace("\r\n", "\n")
    headers = first.split("\n\n", 1)[0]
    print("\nheaders of one received message:\n" + headers)  # noqa: T201
    return 0 if (received, duplicates, missing) == (args.subscribers, 0, 0) else 1


if __name__ == "__main__":
    sys.exit(main())
