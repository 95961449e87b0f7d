"""Fixtures every test folder shares: a site with a home page, an editor."""

import pytest
from django.core.cache import cache

from tests import factories


def pytest_collection_modifyitems(config, items):
    """On SQLite, leave out the tests that need PostgreSQL, and say so.

    CI runs the suite twice, on SQLite and on PostgreSQL, so each of these
    runs in the PostgreSQL run.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    kept, left_out = [], []
    for item in items:
        (left_out if item.get_closest_marker("postgresql") else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
        names = ", ".join(item.name for item in left_out)
        # A line in pytest's output, so the leaving out is never silent.
        print(f"\nLeft out on {connection.vendor}, run on PostgreSQL: {names}")  # noqa: T201


@pytest.fixture
def home_page(db):
    return factories.make_site_with_home()


@pytest.fixture
def admin_user(db):
    return factories.make_superuser()


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back database must not
    meet menus, rate-limit counters or pages cached by an earlier test."""
    cache.clear()
    yield
    cache.clear()
