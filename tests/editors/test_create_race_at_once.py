"""The autosave-and-publish race itself, on PostgreSQL (SQLite serialises
writers anyway): both requests at the same moment (core.moderation).

A file of its own: a transactional test empties the database when it ends,
and pytest-django runs transactional tests after the others only when their
whole file is transactional (each file runs whole on one worker).
"""

import threading

import pytest
from django.db import connections
from django.test import Client

from home.models import StandardPage
from tests.editors.test_create_race import add_url, form


def race(user, parent, slug):
    """An autosave and a publish of one new page, posted at the same moment."""
    barrier = threading.Barrier(2)
    statuses, errors = {}, []

    def post(name, headers, actions):
        try:
            client = Client(raise_request_exception=True)
            client.force_login(user)
            barrier.wait(timeout=30)
            response = client.post(
                add_url(parent), form(slug=slug, **actions), **headers
            )
            statuses[name] = response.status_code
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(
            target=post, args=("autosave", {"HTTP_ACCEPT": "application/json"}, {})
        ),
        threading.Thread(target=post, args=("publish", {}, {"action-publish": "1"})),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses, errors


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_autosave_and_a_publish_at_once_make_one_live_page(admin_user):
    """The race itself, on PostgreSQL (SQLite serialises writers anyway),
    ten times over."""
    from tests import factories

    home_page = factories.make_site_with_home()
    for attempt in range(10):
        slug = f"race-{attempt}"
        statuses, errors = race(admin_user, home_page, slug)
        assert errors == [], attempt
        assert all(status < 500 for status in statuses.values()), statuses
        pages = StandardPage.objects.child_of(home_page).filter(slug=slug)
        assert pages.count() == 1, attempt
        assert pages.get().live, (attempt, statuses)
