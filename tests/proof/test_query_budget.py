"""At most 15 SQL queries per uncached page render, however many resources.

The demo has about ten resources; the library shows 12 a page. Adding 30
more (three pages' worth, so listings, pagination and search all see more
rows) must not change the number of queries of any page type.
"""

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client

from tests.proof.conftest import observe

# The demo fixture needs pytest-django to make the test database.
pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15
EXTRA_RESOURCES = 30


def add_resources(count):
    """`count` more live resources, copies of a demo paper with its tags."""
    resource_model = apps.get_model("resources.ResourcePage")
    original = resource_model.objects.live().filter(document__isnull=False).first()
    for number in range(count):
        original.copy(
            update_attrs={
                "title": f"{original.title} ({number})",
                "slug": f"{original.slug}-copy-{number}",
            },
            log_action=None,
        )


@pytest.fixture(scope="module")
def more_resources_observations(demo_observations, django_db_blocker):
    """The same pages, with EXTRA_RESOURCES more resources (rolled back)."""
    with django_db_blocker.unblock(), transaction.atomic():
        add_resources(EXTRA_RESOURCES)
        pages = [o.page for o in demo_observations.values()]
        client = Client()
        observe(pages, client)  # renditions and other first-render work
        yield {o.page.name: o for o in observe(pages, client)}
        transaction.set_rollback(True)


def test_every_page_type_renders_within_the_query_budget(demo_observations):
    counts = {name: len(o.queries) for name, o in demo_observations.items()}
    over = {name: n for name, n in counts.items() if n > QUERY_BUDGET}
    assert not over, f"over {QUERY_BUDGET} queries: {over} (all: {counts})"


def test_more_resources_do_not_add_queries(
    demo_observations, more_resources_observations
):
    library = more_resources_observations["library"].response
    assert library.status_code == 200
    # Fewer is fine (a page of results of one type needs fewer type lookups).
    grown = {
        name: (len(o.queries), len(more_resources_observations[name].queries))
        for name, o in demo_observations.items()
        if len(more_resources_observations[name].queries) > len(o.queries)
    }
    assert not grown, f"queries (demo, demo + {EXTRA_RESOURCES}): {grown}"
