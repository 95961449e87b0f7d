"""Passkeys as a second factor: staff add, name, use and remove them, the
admin takes one instead of a code, and recovery codes still work. The
WebAuthn answers come from a software passkey (tests/accounts/authenticator.py)
checked by the package's real verification."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from accounts.views import new_recovery_codes
from mysite.settings.base import webauthn_relying_party
from tests.accounts.authenticator import SoftPasskey

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("required_2fa")]

WEBAUTHN = "/admin/two-factor/webauthn"
ADDED = "/admin/two-factor/passkeys/added/"


@pytest.fixture
def required_2fa():
    with override_settings(ADMIN_REQUIRE_2FA=True):
        yield


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="right-password"
    )


def _passkey(origin=None):
    return SoftPasskey(
        settings.OTP_WEBAUTHN_RP_ID, origin or settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0]
    )


def _make(client, passkey):
    """The browser's part of adding a passkey: the package's two JSON views."""
    options = client.post(f"{WEBAUTHN}/registration/begin/")
    assert options.status_code == 200, options.content
    return client.post(
        f"{WEBAUTHN}/registration/complete/",
        passkey.create(options.json()),
        content_type="application/json",
    )


def _add(client, passkey, name="Work laptop", next_url="/admin/pages/"):
    made = _make(client, passkey)
    assert made.status_code == 200, made.content
    return client.post(
        ADDED, {"passkey": made.json()["id"], "name": name, "next": next_url}
    )


def _use(client, passkey, next_url="/admin/"):
    options = client.post(f"{WEBAUTHN}/authentication/begin/")
    assert options.status_code == 200, options.content
    return client.post(
        f"{WEBAUTHN}/authentication/complete/?next={next_url}",
        passkey.get(options.json()),
        content_type="application/json",
    )


def _new_session(client, user):
    client.logout()
    client.force_login(user)


def test_a_first_passkey_is_named_and_comes_with_recovery_codes(client, editor):
    client.force_login(editor)
    setup = client.get("/admin/two-factor/setup/")
    assert b'id="passkey-register-button"' in setup.content
    assert b"/static/django_otp_webauthn/otp_webauthn_register.js" in setup.content

    page = _add(client, _passkey(), name="Work laptop")
    assert page.status_code == 200
    assert b"Your recovery codes" in page.content
    assert b'href="/admin/pages/"' in page.content  # then on to where they were
    assert WebAuthnCredential.objects.get(user=editor).name == "Work laptop"
    assert StaticToken.objects.filter(device__user=editor).count() == 10
    assert client.get("/admin/pages/").status_code == 200


def test_the_2fa_pages_get_the_admins_icons_not_a_redirect(client, editor):
    client.force_login(editor)
    response = client.get("/admin/sprite/")
    assert response.status_code == 200
    assert b"<svg" in response.content


def test_a_passkey_left_unnamed_is_called_passkey(client, editor):
    client.force_login(editor)
    _add(client, _passkey(), name="  ")
    assert WebAuthnCredential.objects.get(user=editor).name == "Passkey"


def test_at_sign_in_the_passkey_opens_the_admin_instead_of_a_code(client, editor):
    client.force_login(editor)
    passkey = _passkey()
    _add(client, passkey)
    _new_session(client, editor)

    held = client.get("/admin/")
    assert held["Location"].startswith("/admin/two-factor/verify/")
    verify = client.get(held["Location"])
    assert b'id="passkey-verification-button"' in verify.content
    assert b"/static/django_otp_webauthn/otp_webauthn_auth.js" in verify.content

    used = _use(client, passkey, next_url="/admin/pages/")
    assert used.status_code == 200, used.content
    assert used.json()["redirect_url"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert WebAuthnCredential.objects.get(user=editor).last_used_at is not None


def test_a_recovery_code_still_opens_the_admin_of_a_passkey_user(client, editor):
    client.force_login(editor)
    _add(client, _passkey())
    codes = list(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    )
    _new_session(client, editor)
    passed = client.post(
        "/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/"}
    )
    assert passed.status_code == 302 and passed["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_passkey_for_another_site_or_user_does_not_open_the_admin(
    client, editor, django_user_model
):
    client.force_login(editor)
    own = _passkey()
    _add(client, own)
    other = django_user_model.objects.create_superuser(username="other", password="x")
    _new_session(client, other)
    others = _passkey()
    _add(client, others)

    _new_session(client, editor)
    assert _use(client, others).status_code >= 400  # not the editor's passkey
    # The editor's own passkey, answering a look-alike site that relays the
    # challenge (phishing): the origin in its answer gives it away.
    own.origin = "https://campaigns-login.example.net"
    assert _use(client, own).status_code >= 400
    assert client.get("/admin/").status_code == 302
    own.origin = settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0]
    assert _use(client, own).status_code == 200


def test_a_password_alone_cannot_add_or_remove_a_passkey(client, editor):
    """Else whoever steals the password adds their own passkey."""
    client.force_login(editor)
    _add(client, _passkey())
    own = WebAuthnCredential.objects.get(user=editor)
    _new_session(client, editor)

    assert client.post(f"{WEBAUTHN}/registration/begin/").status_code == 403
    remove = client.post(f"/admin/two-factor/passkeys/{own.pk}/remove/")
    assert remove["Location"].startswith("/admin/two-factor/verify/")
    assert client.get("/admin/two-factor/")["Location"].startswith(
        "/admin/two-factor/verify/"
    )
    # The same where the admin does not require the second factor: a user
    # who has one must still pass it to change their factors.
    with override_settings(ADMIN_REQUIRE_2FA=False):
        remove = client.post(f"/admin/two-factor/passkeys/{own.pk}/remove/")
        assert remove["Location"].startswith("/admin/two-factor/verify/")
        assert client.post(f"{WEBAUTHN}/registration/begin/").status_code == 403
    assert WebAuthnCredential.objects.filter(user=editor).count() == 1


def test_staff_see_add_and_remove_their_passkeys(client, editor):
    client.force_login(editor)
    _add(client, _passkey(), name="Work laptop")
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200
    assert b"Work laptop" in page.content
    assert b"10 recovery codes left" in page.content

    second = _add(client, _passkey(), name="Security key")
    assert second.status_code == 302 and second["Location"] == "/admin/two-factor/"
    assert StaticToken.objects.filter(device__user=editor).count() == 10  # kept
    laptop = WebAuthnCredential.objects.get(user=editor, name="Work laptop")
    client.post(f"/admin/two-factor/passkeys/{laptop.pk}/remove/")
    names = list(WebAuthnCredential.objects.filter(user=editor).values_list("name"))
    assert names == [("Security key",)]


def test_the_last_way_in_cannot_be_removed(client, editor):
    client.force_login(editor)
    _add(client, _passkey())
    only = WebAuthnCredential.objects.get(user=editor)
    page = client.post(f"/admin/two-factor/passkeys/{only.pk}/remove/", follow=True)
    assert b"This is your only passkey" in page.content
    assert WebAuthnCredential.objects.filter(pk=only.pk).exists()

    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.post(f"/admin/two-factor/passkeys/{only.pk}/remove/")
    assert not WebAuthnCredential.objects.filter(pk=only.pk).exists()


def test_another_users_passkey_cannot_be_removed(client, editor, django_user_model):
    other = django_user_model.objects.create_superuser(username="other", password="x")
    client.force_login(other)
    _add(client, _passkey())
    theirs = WebAuthnCredential.objects.get(user=other)
    _new_session(client, editor)
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.post("/admin/two-factor/verify/", {"code": new_recovery_codes(editor)[0]})
    response = client.post(f"/admin/two-factor/passkeys/{theirs.pk}/remove/")
    assert response.status_code == 404
    assert WebAuthnCredential.objects.filter(pk=theirs.pk).exists()


def test_new_recovery_codes_replace_the_old(client, editor):
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    old = new_recovery_codes(editor)
    client.force_login(editor)
    client.post("/admin/two-factor/verify/", {"code": old[0]})
    page = client.post("/admin/two-factor/recovery-codes/")
    assert page.status_code == 200 and b"Your recovery codes" in page.content
    assert not StaticToken.objects.filter(token__in=old[1:]).exists()
    assert StaticToken.objects.filter(device__user=editor).count() == 10


def test_an_administrator_can_reset_a_lost_passkey(client, editor):
    client.force_login(editor)
    _add(client, _passkey())
    call_command("reset_two_factor", "editor", verbosity=0)
    assert not WebAuthnCredential.objects.filter(user=editor).exists()


def test_the_account_page_links_to_the_two_factor_page(client, editor):
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    with override_settings(ADMIN_REQUIRE_2FA=False):
        page = client.get("/admin/account/")
    assert b'href="/admin/two-factor/"' in page.content


@pytest.mark.parametrize(
    ("base_url", "rp_id", "origins"),
    [
        (
            "https://campaigns.example.org",
            "campaigns.example.org",
            ["https://campaigns.example.org"],
        ),
        ("https://example.org:8443/", "example.org", ["https://example.org:8443"]),
        # Browsers take no IP address as a relying party: localhost instead.
        ("http://127.0.0.1:8000", "localhost", ["http://localhost:8000"]),
    ],
)
def test_the_relying_party_is_the_admins_host(base_url, rp_id, origins):
    assert webauthn_relying_party(base_url) == (rp_id, origins)
