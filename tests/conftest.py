"""Fixtures every test folder shares: a site with a home page, an editor."""

import pytest
from django.core.cache import cache

from tests import factories


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
