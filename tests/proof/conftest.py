"""The demo site, loaded once per module, and what each public page answered.

Loading the demo takes seconds, so a package-scoped fixture loads it once
inside a transaction that it rolls back when tests/proof/ is done: the tests
see the real demo content and leave nothing behind for the other folders.
"""

import contextlib
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.proof.pages import all_public_pages


@dataclass
class Observation:
    """One public page: its response and the SQL its render ran."""

    page: object
    response: object
    queries: list = field(default_factory=list)


def observe(pages, client):
    observations = []
    for page in pages:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.path)
        observations.append(Observation(page, response, list(captured)))
    return observations


def ensure_tree_root():
    """Wagtail's root page and root collection, made by its migrations, which a
    transactional test earlier in the session may have flushed away."""
    from wagtail.models import Collection, Locale, Page

    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@contextlib.contextmanager
def rolled_back_demo(django_db_blocker):
    """The demo content, inside a transaction that is rolled back afterwards."""
    with django_db_blocker.unblock():
        # pytest-django makes the test database only for sessions with tests
        # marked django_db: never load the demo into a real database.
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        try:
            with transaction.atomic():
                ensure_tree_root()
                call_command("load_demo_content", verbosity=0)
                yield
                transaction.set_rollback(True)
        finally:
            # Wagtail caches the site's root paths; they died with the rollback.
            cache.clear()


@pytest.fixture(scope="package")
def demo_observations(django_db_setup, django_db_blocker):
    """Every public page of the demo, fetched once by an anonymous reader."""
    with rolled_back_demo(django_db_blocker):
        pages = all_public_pages()
        client = Client()
        observe(pages, client)  # warm up: image renditions are made once
        yield {o.page.name: o for o in observe(pages, client)}
