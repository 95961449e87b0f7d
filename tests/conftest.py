"""Fixtures every test folder shares: a site with a home page, an editor."""

import pytest

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
