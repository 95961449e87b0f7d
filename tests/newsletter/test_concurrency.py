"""Concurrent identical sign-ups make one row and no error (on PostgreSQL).

SQLite serialises writers with a database-wide lock, so the race this test
provokes cannot happen there: the test is marked `postgresql`, so the SQLite
run (one of CI's two) leaves it out and says so; the PostgreSQL run
(DATABASE_URL=postgres://...) runs it.
"""

import threading

import pytest
from django.core import mail
from django.db import connections
from django.test import Client

from newsletter.models import Subscriber, Subscription
from tests.newsletter.conftest import SAME_ORIGIN, form_token

THREADS = 20


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_identical_signups_at_once_leave_one_row(mailing_list, settings):
    # Twenty people posting one cached form: the token-use limit (which asks
    # the 11th to press again) is not what this test is about.
    settings.NEWSLETTER_FORM_TOKEN_USES = THREADS
    token = form_token(mailing_list)
    barrier = threading.Barrier(THREADS)
    statuses, errors = [], []

    def post(index):
        try:
            client = Client(
                # Distinct clients, so the per-client rate limit is not the test.
                REMOTE_ADDR=f"198.51.100.{index + 1}",
                raise_request_exception=True,
            )
            barrier.wait(timeout=30)
            response = client.post(
                "/newsletter/subscribe/",
                {"email": "same@example.org", "website": "", "token": token},
                **SAME_ORIGIN,
            )
            statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert statuses == [303] * THREADS
    assert Subscriber.objects.filter(email="same@example.org").count() == 1
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 1  # one email per address per hour, even then
