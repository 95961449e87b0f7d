"""Shared by the sending tests: an archive, a published issue, subscribers."""

import pytest
from django.test import override_settings

from campaigns.issues import NewsletterArchivePage, NewsletterIssuePage
from newsletter.models import Subscriber, Subscription
from newsletter.sending import engine
from newsletter.sending.models import IssueSend
from tests.factories import publish_child


def subscribe(email, mailing_list, state="confirmed", language=""):
    subscriber = Subscriber.objects.create(email=email, language=language)
    Subscription.objects.create(
        subscriber=subscriber, mailing_list=mailing_list, state=state
    )
    return subscriber


@pytest.fixture
def issue(home_page):
    archive = publish_child(
        home_page, NewsletterArchivePage(title="Newsletter", slug="updates")
    )
    return publish_child(
        archive,
        NewsletterIssuePage(
            title="June update",
            slug="june",
            subject="June: the resolution passed",
            preheader="What changed, and what comes next.",
            body=[
                ("heading", {"text": "We did it", "level": "h2"}),
                ("text", "<p>Read <a href='/campaigns/'>the campaign</a>.</p>"),
            ],
        ),
    )


@pytest.fixture
def supporters(mailing_list):
    return [subscribe(f"reader{n}@example.org", mailing_list) for n in range(10)]


def queued_send(issue, mailing_list, **fields):
    fields.setdefault("state", IssueSend.State.QUEUED)
    fields.setdefault("origin", "http://testserver")
    return IssueSend.objects.create(issue=issue, mailing_list=mailing_list, **fields)


def small_batches(size=3):
    return override_settings(NEWSLETTER_SEND_BATCH=size, NEWSLETTER_SEND_RATE=0)


def run_until_done(send, lease):
    while engine.run_batch(send.pk, lease) == "more":
        pass
