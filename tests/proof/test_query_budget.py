"""SQL queries per uncached page render, warm and cold, at 10 and 300 resources.

Warm: the content cache holds the library's filter choices and the like;
cold: right after a publish, the content cache empty (a new page-cache
generation). The demo has about ten resources; 300 more (generated in bulk,
with PDF text, indexed: bench/generate.py) must not change the count of any
page type. Issue 16's target is 10 warm and 15 cold: every page type meets
10 warm; QUERY_BUDGET_COLD is what every page type meets cold today (the
campaign's worst case includes Wagtail's rendition lookups when its rendition
cache misses: since its resource cards show covers, one more, for all the
cards' covers together), and the pages still above 15 cold are listed in the
strict xfail below.
"""

import pytest
from django.db import transaction
from django.test import Client

from bench.generate import add_resources
from core.serving.page_cache import clear_page_cache
from tests.proof.conftest import observe

# The demo fixture needs pytest-django to make the test database.
pytestmark = pytest.mark.django_db

QUERY_BUDGET_WARM = 10
QUERY_BUDGET_COLD = 26
QUERY_TARGET_COLD = 15
EXTRA_RESOURCES = 300


def counts(observations):
    return {name: len(o.queries) for name, o in observations.items()}


def cold(pages, client):
    """The pages, each rendered right after a publish (content cache empty)."""
    observed = {}
    for page in pages:
        clear_page_cache()
        observed.update({o.page.name: o for o in observe([page], client)})
    return observed


@pytest.fixture(scope="module")
def cold_observations(demo_observations, django_db_blocker):
    with django_db_blocker.unblock():
        yield cold([o.page for o in demo_observations.values()], Client())


@pytest.fixture(scope="module")
def more_resources_observations(demo_observations, django_db_blocker):
    """(warm, cold) with EXTRA_RESOURCES more resources (rolled back)."""
    with django_db_blocker.unblock(), transaction.atomic():
        add_resources(EXTRA_RESOURCES)
        pages = [o.page for o in demo_observations.values()]
        client = Client()
        observe(pages, client)  # renditions and other first-render work
        warm = {o.page.name: o for o in observe(pages, client)}
        yield warm, cold(pages, client)
        transaction.set_rollback(True)


def over(observations, budget):
    return {n: c for n, c in counts(observations).items() if c > budget}


def test_every_page_type_renders_within_the_warm_budget(demo_observations):
    assert not over(demo_observations, QUERY_BUDGET_WARM), counts(demo_observations)


def test_every_page_type_renders_within_the_cold_budget(cold_observations):
    assert not over(cold_observations, QUERY_BUDGET_COLD), counts(cold_observations)


# strict: the day the target is met, the marker must go and the test enforce it.
@pytest.mark.xfail(
    strict=True,
    reason="issue 16: home, campaign, library (all three), resource, search "
    "cost 16-20 queries cold (26 with rendition cache misses)",
)
def test_every_page_type_renders_within_the_cold_target(cold_observations):
    assert not over(cold_observations, QUERY_TARGET_COLD), counts(cold_observations)


def test_more_resources_do_not_add_queries(
    demo_observations, cold_observations, more_resources_observations
):
    warm, cold_more = more_resources_observations
    assert warm["library"].response.status_code == 200
    assert warm["search"].response.status_code == 200
    # Fewer is fine (a page of results of one type needs fewer type lookups).
    grown = {
        name: (len(o.queries), len(warm[name].queries))
        for name, o in demo_observations.items()
        if len(warm[name].queries) > len(o.queries)
    }
    grown_cold = {
        name: (len(o.queries), len(cold_more[name].queries))
        for name, o in cold_observations.items()
        if len(cold_more[name].queries) > len(o.queries)
    }
    assert not grown, f"warm (demo, demo + {EXTRA_RESOURCES}): {grown}"
    assert not grown_cold, f"cold (demo, demo + {EXTRA_RESOURCES}): {grown_cold}"


def test_every_page_type_is_counted_warm_and_cold(
    demo_observations, cold_observations, more_resources_observations, capsys
):
    """Every page type is measured in all four states; prints the table the
    issue's report quotes."""
    warm, cold_more = more_resources_observations
    names = set(demo_observations)
    assert names == set(cold_observations) == set(warm) == set(cold_more)
    with capsys.disabled():
        print("\npage | warm 10 | cold 10 | warm +300 | cold +300")  # noqa: T201
        for name in demo_observations:
            print(  # noqa: T201
                f"{name} | {len(demo_observations[name].queries)} | "
                f"{len(cold_observations[name].queries)} | "
                f"{len(warm[name].queries)} | {len(cold_more[name].queries)}"
            )
