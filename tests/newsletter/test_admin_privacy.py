"""No admin URL shows a subscriber's address to a role without the right to see it.

A matrix: every admin URL pattern the project registers, read from Django's
URL resolver (so a new admin view is covered without a new test), times every
role. Path parameters are filled with real ids (a subscriber's, a page's, a
snippet's); every request carries `?id=` for each subscriber (bulk actions)
and `?q=` with the start of an address (search, choosers).
"""

import re
from itertools import product

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from core.roles import MODERATORS_GROUP, STAFF_GROUP
from newsletter.models import Subscriber, Subscription
from tests.factories import make_standard_page

pytestmark = pytest.mark.django_db

MANAGERS_GROUP = "Newsletter managers"
# Distinctive local parts: the search sends only their common start
# ("privsecret"), so a page that merely echoes the query never matches.
SEARCH_TERM = "privsecret"
ADDRESSES = [
    f"{SEARCH_TERM}.ana7q@example.org",
    f"{SEARCH_TERM}.ben3x@defenders.example",
    f"{SEARCH_TERM}.cy9z@example.net",
    f"{SEARCH_TERM}.dee2w@mail.example.org",
]
MARKERS = [address.split("@")[0].encode() for address in ADDRESSES]
# (app label, model name) pairs for URLs that name a model, e.g. bulk actions.
MODEL_NAMES = [
    ("newsletter", "subscriber"),
    ("newsletter", "mailinglist"),
    ("wagtailcore", "page"),
]
# Logging out would end the role's session; failwhale is Wagtail's deliberate 500.
NOT_REQUESTED = ("/admin/logout", "/admin/failwhale/")
PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def admin_routes():
    """Every route under /admin/ as a template string with <name> slots."""

    def walk(patterns, prefix):
        for entry in patterns:
            route = prefix + _route_text(entry.pattern)
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern):
                yield route

    routes = {"/" + route for route in walk(get_resolver().url_patterns, "")}
    return sorted(route for route in routes if route.startswith("/admin/"))


def _route_text(pattern):
    text = str(pattern)
    if hasattr(pattern, "_route"):  # path(): already "<int:pk>/"
        return text
    # re_path(): "^(?P<pk>\d+)/$" becomes "<pk>/".
    text = REGEX_GROUP.sub(lambda match: f"<{match['name']}>", text)
    return text.lstrip("^").rstrip("$").replace("\\", "")


def fill(route, ids):
    """The concrete paths for one route: each slot with each plausible value."""
    names = [match["name"] for match in PARAM.finditer(route)]
    if not names:
        return [route]
    choices = []
    for name in names:
        if name in ("app_label", "content_type_app_name"):
            choices.append(sorted({app for app, _model in MODEL_NAMES}))
        elif name in ("model_name", "content_type_model_name"):
            choices.append(sorted({model for _app, model in MODEL_NAMES}))
        elif name == "action":
            choices.append(["delete"])
        elif name.endswith(("pk", "id")) or name == "object_id":
            choices.append(ids)
        else:
            choices.append(["1", "x"])
    paths = []
    for values in product(*choices):
        pieces = PARAM.split(route)[:: len(PARAM.groupindex) + 1]
        filled = pieces[0]
        for value, piece in zip(values, pieces[1:], strict=True):
            filled += str(value) + piece
        paths.append(filled)
    return paths


def _seed(home_page, mailing_list):
    subscribers = []
    for number, address in enumerate(ADDRESSES):
        subscriber = Subscriber.objects.create(email=address, first_name="Ana")
        Subscription.objects.create(
            subscriber=subscriber,
            mailing_list=mailing_list,
            state=("pending", "confirmed", "unsubscribed", "confirmed")[number],
        )
        # History and the audit log hold entries about each supporter.
        log(subscriber, "wagtail.edit")
        subscribers.append(subscriber)
    page = make_standard_page(home_page, title="About", slug="about")
    return subscribers, page


def _role_clients(manager_group):
    model = get_user_model()
    clients = {"anonymous": Client(raise_request_exception=False)}
    for role, group_name in [
        ("communications staff", STAFF_GROUP),
        ("moderator", MODERATORS_GROUP),
        ("newsletter manager", manager_group),
    ]:
        user = model.objects.create_user(username=role.replace(" ", "-"))
        user.groups.add(Group.objects.get(name=group_name))
        clients[role] = _logged_in(user)
    superuser = model.objects.create_superuser(username="root", password="x")
    clients["superuser"] = _logged_in(superuser)
    return clients


def _logged_in(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def get_following_admin_redirects(client, path, query):
    response = client.get(path, query)
    for _hop in range(3):
        location = response.headers.get("Location", "")
        if response.status_code not in (301, 302, 303, 307, 308):
            break
        if not location.startswith("/admin/"):
            break  # only admin pages are followed
        response = client.get(location)
    return response


def test_no_admin_url_shows_an_address_to_a_role_without_the_right(
    home_page, mailing_list
):
    subscribers, page = _seed(home_page, mailing_list)
    ids = sorted({subscribers[0].pk, page.pk, mailing_list.pk})
    query = {"q": SEARCH_TERM, "id": [s.pk for s in subscribers], "p": "1"}
    clients = _role_clients(MANAGERS_GROUP)
    paths = [path for route in admin_routes() for path in fill(route, ids)]
    paths = [path for path in paths if not path.startswith(NOT_REQUESTED)]

    leaks, errors = [], []
    for role, client in clients.items():
        allowed = role in ("newsletter manager", "superuser")
        for path in paths:
            response = get_following_admin_redirects(client, path, query)
            if response.status_code >= 500:
                errors.append(f"{role} {path}: {response.status_code}")
            body = _body(response)
            if not allowed and any(marker in body for marker in MARKERS):
                leaks.append(f"{role} {path}: {response.status_code}")

    print(  # noqa: T201 - the matrix size is quoted in the issue's closing note
        f"\nadmin privacy matrix: {len(paths)} URLs x {len(clients)} roles = "
        f"{len(paths) * len(clients)} requests; {len(leaks)} leaks; "
        f"{len(errors)} server errors"
        + "".join(f"\n  error: {line}" for line in errors)
    )
    assert not leaks, "Addresses shown to roles without the right:\n" + "\n".join(leaks)
    # Hostile or odd ids get an answer, never a server error.
    assert not errors, "\n".join(errors)
    # And the matrix can fail: those with the right do see the addresses.
    for role in ("newsletter manager", "superuser"):
        listing = _body(clients[role].get("/admin/newsletter/subscribers/"))
        assert all(marker in listing for marker in MARKERS), role


def test_history_and_audit_log_never_label_an_entry_with_an_address(
    home_page, mailing_list
):
    _seed(home_page, mailing_list)
    labels = list(
        ModelLogEntry.objects.filter(content_type__model="subscriber").values_list(
            "label", flat=True
        )
    )
    assert labels and not any("@" in label for label in labels)
