"""Admin of sends: staff request, someone else approves; who sees addresses."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from newsletter.sending.models import Delivery, IssueSend
from tests.newsletter.sending.conftest import (
    queued_send,
)

pytestmark = pytest.mark.django_db


def _user(django_user_model, username, group, email=""):
    user = django_user_model.objects.create_user(
        username=username, password="pw", email=email
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def staff(django_user_model):
    return _user(django_user_model, "staff", "Communications staff", "me@org.example")


@pytest.fixture
def moderator(django_user_model):
    return _user(django_user_model, "moderator", "Moderators")


@pytest.fixture
def manager(django_user_model):
    return _user(django_user_model, "manager", "Newsletter managers")


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to its home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == "/admin/"
    )


def _request(client, user, issue, mailing_list):
    client.force_login(user)
    response = client.post(
        f"/admin/newsletter/issues/{issue.pk}/send/", {"mailing_list": mailing_list.pk}
    )
    assert response.status_code == 302
    return IssueSend.objects.get()


def test_staff_request_and_a_moderator_approves_the_send(
    client, staff, moderator, issue, mailing_list, supporters
):
    send = _request(client, staff, issue, mailing_list)
    assert send.state == IssueSend.State.AWAITING_APPROVAL
    assert mail.outbox == []
    # Staff cannot approve, not even their own request.
    assert refused(client.post(f"/admin/newsletter/sends/{send.pk}/approve/"))
    client.force_login(moderator)
    client.post(f"/admin/newsletter/sends/{send.pk}/approve/")
    send.refresh_from_db()
    assert send.state == IssueSend.State.DONE and send.approved_by == moderator
    assert len(mail.outbox) == 10


def test_a_requester_cannot_approve_their_own_send(
    client, manager, issue, mailing_list, supporters
):
    send = _request(client, manager, issue, mailing_list)
    assert refused(client.post(f"/admin/newsletter/sends/{send.pk}/approve/"))
    assert mail.outbox == []


def test_an_unpublished_issue_cannot_be_sent(
    client, staff, manager, issue, mailing_list, supporters
):
    send = _request(client, staff, issue, mailing_list)
    issue.unpublish()
    client.force_login(manager)
    client.post(f"/admin/newsletter/sends/{send.pk}/approve/")
    send.refresh_from_db()
    assert send.state == IssueSend.State.AWAITING_APPROVAL
    assert mail.outbox == []


def _failed_send(issue, mailing_list, supporters):
    send = queued_send(issue, mailing_list, state=IssueSend.State.DONE)
    Delivery.objects.create(
        send=send,
        subscriber=supporters[0],
        subscription=supporters[0].subscriptions.get(),
        state="failed",
        error="SMTPRecipientsRefused",
    )
    return send


def test_the_log_names_addresses_only_to_those_who_may_see_them(
    client, staff, manager, issue, mailing_list, supporters
):
    send = _failed_send(issue, mailing_list, supporters)
    url = f"/admin/newsletter/sends/{send.pk}/"
    client.force_login(staff)
    page = client.get(url).content.decode()
    assert "SMTPRecipientsRefused" in page and "Delivery #" in page
    assert supporters[0].email not in page
    client.force_login(manager)
    assert supporters[0].email in client.get(url).content.decode()


def test_people_without_the_right_see_no_send(
    client, django_user_model, issue, mailing_list, supporters
):
    send = _failed_send(issue, mailing_list, supporters)
    # An admin user (here: a bare one with admin access) without the send rights.
    outsider = django_user_model.objects.create_user(username="o", password="pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    for url in ("/admin/newsletter/sends/", f"/admin/newsletter/sends/{send.pk}/"):
        assert refused(client.get(url))


def test_staff_send_a_test_to_their_own_address_only(client, staff, issue, supporters):
    client.force_login(staff)
    client.post(f"/admin/newsletter/issues/{issue.pk}/test/")
    assert [m.to for m in mail.outbox] == [["me@org.example"]]
    assert mail.outbox[0].subject.startswith("[TEST]")


def test_the_issue_previews_as_email_html_and_text(rf, issue):
    assert [mode for mode, _label in issue.preview_modes] == [
        "",
        "email_html",
        "email_text",
    ]
    html = issue.serve_preview(rf.get("/"), "email_html").content.decode()
    assert "June: the resolution passed" in html and '<html lang="en"' in html
    text = issue.serve_preview(rf.get("/"), "email_text").content.decode()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in text


def test_the_archive_lists_the_issue_as_a_web_page(client, issue):
    archive = client.get("/updates/")
    assert archive.status_code == 200 and "June update" in archive.content.decode()
    assert "We did it" in client.get(issue.url).content.decode()
