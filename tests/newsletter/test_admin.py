"""Admin: who sees subscribers, filters, search, CSV export, erasure, purge."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from newsletter.addresses import email_key
from newsletter.models import ErasedAddress, Subscriber, Subscription

pytestmark = pytest.mark.django_db

INDEX = "/admin/newsletter/subscribers/"
EXPORT = "/admin/newsletter/export/"


def _subscribe(email, mailing_list, state, first_name="", **fields):
    subscriber = Subscriber.objects.create(email=email, first_name=first_name)
    Subscription.objects.create(
        subscriber=subscriber, mailing_list=mailing_list, state=state, **fields
    )
    return subscriber


@pytest.fixture
def people(mailing_list):
    return [
        _subscribe("ana@example.org", mailing_list, "confirmed"),
        _subscribe("ben@example.org", mailing_list, "pending"),
        _subscribe("cy@example.org", mailing_list, "unsubscribed"),
    ]


def _user(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username=username, password="pw")
    for name in groups:
        group, _ = Group.objects.get_or_create(name=name)
        if name == "Editors" and not group.permissions.exists():
            group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
    return user


@pytest.fixture
def manager_client(client, django_user_model):
    client.force_login(_user(django_user_model, "manager", "Newsletter managers"))
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(_user(django_user_model, "editor", "Editors"))
    return client


def test_the_managers_group_exists_with_its_permissions():
    group = Group.objects.get(name="Newsletter managers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "view_subscriber",
        "change_subscriber",
        "delete_subscriber",
        "export_subscriber",
    } <= codenames
    assert "add_subscriber" not in codenames


def test_managers_and_superusers_see_subscribers(manager_client, people):
    response = manager_client.get(INDEX)
    assert response.status_code == 200
    assert b"ana@example.org" in response.content
    assert b"Export CSV" in response.content


def test_superuser_sees_subscribers(admin_client, people):
    assert b"ben@example.org" in admin_client.get(INDEX).content


def test_editors_do_not_see_subscribers(editor_client, people):
    response = editor_client.get(INDEX)
    assert response.status_code in (302, 403)
    assert b"ana@example.org" not in response.content
    assert editor_client.get(EXPORT).status_code in (302, 403)
    assert b"ana@example.org" not in editor_client.get("/admin/").content


def test_nobody_adds_subscribers_by_hand(admin_client):
    response = admin_client.get(INDEX + "new/")
    assert response.status_code in (302, 403)
    assert not Subscriber.objects.exists()


def test_filter_by_list_and_state_and_search(manager_client, people, mailing_list):
    response = manager_client.get(
        INDEX, {"mailing_list": mailing_list.pk, "state": "pending"}
    )
    assert b"ben@example.org" in response.content
    assert b"ana@example.org" not in response.content
    response = manager_client.get(INDEX, {"q": "cy@"})
    assert b"cy@example.org" in response.content
    assert b"ben@example.org" not in response.content


def test_listing_queries_do_not_grow_with_subscribers(
    admin_client, mailing_list, django_assert_max_num_queries
):
    for i in range(3):
        _subscribe(f"s{i}@example.org", mailing_list, "confirmed")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        admin_client.get(INDEX)
    for i in range(3, 30):
        _subscribe(f"s{i}@example.org", mailing_list, "confirmed")
    with django_assert_max_num_queries(len(small)):
        admin_client.get(INDEX)


def test_inspect_shows_consent_evidence(admin_client, people):
    response = admin_client.get(f"{INDEX}inspect/{people[0].pk}/")
    assert response.status_code == 200
    assert b"Consent evidence" in response.content


def test_csv_export_escapes_formulas(manager_client, mailing_list):
    _subscribe("=cmd@example.org", mailing_list, "confirmed", first_name="+SUM(1)")
    _subscribe("-x@example.org", mailing_list, "confirmed", first_name="@me")
    _subscribe("plain@example.org", mailing_list, "pending", first_name="Ana")

    response = manager_client.get(EXPORT, {"state": "confirmed"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["email", "first_name", "list", "state"]
    body = rows[1:]
    assert len(body) == 2  # the state filter applies
    cells = [cell for row in body for cell in row]
    assert "'=cmd@example.org" in cells and "'+SUM(1)" in cells
    assert "'-x@example.org" in cells and "'@me" in cells
    assert not any(cell[:1] in "=+-@" for cell in cells if cell)


def test_export_needs_the_export_permission(client, django_user_model, people):
    user = _user(django_user_model, "viewer")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_subscriber"),
    )
    client.force_login(user)
    assert client.get(EXPORT).status_code in (302, 403)  # Wagtail redirects
    assert b"Export CSV" not in client.get(INDEX).content


def test_erasing_a_supporter_keeps_only_a_keyed_hash(manager_client, people):
    ana = people[0]
    manager_client.post(f"{INDEX}edit/{ana.pk}/", {"first_name": "Ana"})
    # History and the audit log name the row, never the address.
    assert ModelLogEntry.objects.filter(label=f"Subscriber #{ana.pk}").exists()
    response = manager_client.post(f"{INDEX}delete/{ana.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="ana@example.org").exists()
    assert not Subscription.objects.filter(subscriber_id=ana.pk).exists()
    erased = ErasedAddress.objects.get()
    assert erased.key == email_key("ana@example.org")
    assert "ana" not in erased.key
    assert ErasedAddress.is_erased("ana@EXAMPLE.org")
    # Nor does the admin's audit log keep the address.
    assert not ModelLogEntry.objects.filter(label__icontains="ana@").exists()


def test_purge_deletes_old_unconfirmed_signups_only(mailing_list):
    old = timezone.now() - timedelta(days=31)
    stale = _subscribe("stale@example.org", mailing_list, "pending", consented_at=old)
    Subscriber.objects.filter(pk=stale.pk).update(created_at=old)
    _subscribe("fresh@example.org", mailing_list, "pending")
    kept = _subscribe("kept@example.org", mailing_list, "confirmed", consented_at=old)
    Subscriber.objects.filter(pk=kept.pk).update(created_at=old)

    call_command("purge_unconfirmed", stdout=io.StringIO())

    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "fresh@example.org",
        "kept@example.org",
    }
    assert not ErasedAddress.objects.exists()
