"""The demo site, loaded once per module, and what each public page answered.

Loading the demo takes seconds, so a package-scoped fixture loads it once
inside a transaction that it rolls back when tests/proof/ is done: the tests
see the real demo content and leave nothing behind for the other folders.
"""

from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.demo import rolled_back_demo
from tests.proof.pages import all_public_pages


@dataclass
class Observation:
    """One public page: its response and the SQL its render ran."""

    page: object
    response: object
    queries: list = field(default_factory=list)


def is_savepoint(query):
    """The tests run inside a transaction, so a transaction.atomic() the page
    opens (the PostgreSQL search sets its own statement timeout in one) is a
    SAVEPOINT and its RELEASE here; served in production it is the BEGIN and
    COMMIT that Django does not log. Neither is a query the page asked."""
    return query["sql"].split(" ", 1)[0].upper() in {"SAVEPOINT", "RELEASE"}


def observe(pages, client):
    observations = []
    for page in pages:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.path)
        queries = [query for query in captured if not is_savepoint(query)]
        observations.append(Observation(page, response, queries))
    return observations


@pytest.fixture(scope="package")
def demo_observations(django_db_setup, django_db_blocker):
    """Every public page of the demo, fetched once by an anonymous reader."""
    with rolled_back_demo(django_db_blocker):
        pages = all_public_pages()
        client = Client()
        observe(pages, client)  # warm up: image renditions are made once
        yield {o.page.name: o for o in observe(pages, client)}
