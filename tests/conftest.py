"""Fixtures every test folder shares: a site with a home page, an editor."""

import pytest
from django.core.cache import cache

from tests import factories
from tests.demo import rolled_back_demo


def pytest_configure(config):
    # Hooks of pytest-xdist, registered only where it is installed and on
    # (`-p no:xdist` would reject them as unknown hooks).
    if config.pluginmanager.hasplugin("xdist"):
        from tests.parallel import LeftOutReport, SchedulerChoice

        config.pluginmanager.register(LeftOutReport(), "left-out-report")
        config.pluginmanager.register(SchedulerChoice(), "shared-packages")


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
        line = left_out_line(connection.vendor, [item.name for item in left_out])
        if hasattr(config, "workeroutput"):
            # A pytest-xdist worker's output is not shown: the controller
            # prints the line (LeftOutReport).
            config.workeroutput["left_out_line"] = line
        else:
            # A line in pytest's output, so the leaving out is never silent.
            print(f"\n{line}")  # noqa: T201


def left_out_line(vendor, names):
    return f"Left out on {vendor}, run on PostgreSQL: {', '.join(names)}"


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the module that asks for it.

    It stays until the module's last test, so only a module whose tests all
    expect the demo (tests/campaigns/test_demo.py) may ask for it.
    """
    with rolled_back_demo(django_db_blocker):
        yield


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
    meet menus, rate-limit counters or pages cached by an earlier test.

    It also starts with the cache believed up: a fault test that pointed the
    cache at a dead Redis leaves this process pausing the real one for
    CACHE_RETRY_SECONDS, and the next test on the worker would render every
    page cold (a query-count test then failed on CI's PostgreSQL run).
    """
    cache_believed_up()
    cache.clear()
    yield
    cache_believed_up()
    cache.clear()


def cache_believed_up():
    from core.serving import resilient

    resilient._state.update(down=False, failed_at=0.0)  # noqa: SLF001


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request the test client
    served under /zh-hans/ leaves its language active in the thread, and the
    next test on the worker would read (or store) Chinese."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
