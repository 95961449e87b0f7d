"""Staff accounts: failed sign-ins are throttled without keeping the client's
address, and the admin asks for a second factor when ADMIN_REQUIRE_2FA."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.views import new_recovery_codes

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
CLIENT = {"REMOTE_ADDR": "198.51.100.23", "HTTP_USER_AGENT": "Firefox/140 (Tails)"}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="right-password"
    )


def _sign_in(client, password, username="editor"):
    return client.post(LOGIN, {"username": username, "password": password}, **CLIENT)


def _rows_text():
    """Every value of every axes row, as one string."""
    rows = []
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        rows += [str(values) for values in model.objects.values()]
    return " ".join(rows)


@override_settings(AXES_ENABLED=True)
def test_five_failures_lock_the_account_out_with_a_clear_message(client, editor):
    for _attempt in range(4):
        assert _sign_in(client, "wrong").status_code == 200
    response = _sign_in(client, "wrong")
    assert response.status_code == 429
    assert b"Sign-in paused after too many failed attempts" in response.content
    assert b"15 minutes" in response.content
    # The right password does not help while the lockout lasts...
    assert _sign_in(client, "right-password").status_code == 429
    # ... and an administrator can lift it.
    call_command("axes_reset_username", "editor", verbosity=0)
    assert _sign_in(client, "right-password").status_code == 302


@override_settings(AXES_ENABLED=True)
def test_no_axes_table_keeps_the_raw_address_or_user_agent(client, editor):
    for _attempt in range(6):
        _sign_in(client, "wrong")
    call_command("axes_reset_username", "editor", verbosity=0)
    for _attempt in range(2):
        _sign_in(client, "wrong")
    _sign_in(client, "right-password")
    client.post("/admin/logout/")
    for _attempt in range(3):
        _sign_in(client, "wrong")
    stored = _rows_text()
    assert AccessAttempt.objects.exists()
    assert "198.51.100.23" not in stored
    assert "Firefox" not in stored and "Tails" not in stored
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()
    # What is kept instead: a keyed hash, shaped as a documentation-range IPv6.
    kept = AccessAttempt.objects.values_list("ip_address", flat=True).get()
    assert kept.startswith("2001:db8:")


@override_settings(AXES_ENABLED=True)
def test_another_client_is_locked_out_by_username_too(client, editor):
    for _attempt in range(5):
        _sign_in(client, "wrong")
    other = {"REMOTE_ADDR": "203.0.113.9"}
    response = client.post(
        LOGIN, {"username": "editor", "password": "right-password"}, **other
    )
    assert response.status_code == 429


def _code(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_without_a_device_the_admin_sends_staff_to_set_one_up(client, editor):
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code, drawn here, no outside host

    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    wrong = client.post("/admin/two-factor/setup/", {"code": "000000"})
    assert wrong.status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # the one-second pause after a wrong code
    done = client.post(
        "/admin/two-factor/setup/", {"code": _code(device), "next": "/admin/pages/"}
    )
    assert done.status_code == 200
    assert StaticToken.objects.filter(device__user=editor).count() == 10
    assert client.get("/admin/pages/").status_code == 200


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_with_a_device_the_admin_needs_a_current_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/two-factor/verify/")
    assert client.post(response["Location"], {"code": "123456"}).status_code == 400
    assert client.get("/admin/").status_code == 302  # still locked out
    # django-otp pauses a device after a wrong code (1 s, doubling): a person
    # waits that second, the test resets the pause instead.
    device.refresh_from_db()
    device.throttle_reset()
    passed = client.post(
        "/admin/two-factor/verify/", {"code": _code(device), "next": "/admin/"}
    )
    assert passed.status_code == 302 and passed["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_a_recovery_code_works_once(client, editor):
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    codes = new_recovery_codes(editor)
    client.force_login(editor)
    assert (
        client.post("/admin/two-factor/verify/", {"code": codes[0]}).status_code == 302
    )
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(editor)
    reused = client.post("/admin/two-factor/verify/", {"code": codes[0]})
    assert reused.status_code == 400


def test_an_administrator_can_reset_a_lost_second_factor(editor):
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    new_recovery_codes(editor)
    call_command("reset_two_factor", "editor", verbosity=0)
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()


def test_the_second_factor_is_off_in_tests_unless_turned_on(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_production_requires_the_second_factor_by_default():
    from mysite.settings import base

    assert base.ADMIN_REQUIRE_2FA is True


def test_required_2fa_leaves_public_pages_cacheable(home_page, settings):
    from django.test import Client

    settings.ADMIN_REQUIRE_2FA = True
    response = Client().get("/")
    assert response.status_code == 200
    assert "cookie" not in response.get("Vary", "").lower()
    assert "public" in response["Cache-Control"]
