"""The admin's two-factor pages (see accounts/middleware.py for when they apply)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.manage, name="accounts_2fa_manage"),
        path("two-factor/setup/", views.setup, name="accounts_2fa_setup"),
        path("two-factor/verify/", views.verify, name="accounts_2fa_verify"),
        path(
            "two-factor/passkeys/added/",
            views.passkey_added,
            name="accounts_2fa_passkey_added",
        ),
        path(
            "two-factor/passkeys/<int:pk>/remove/",
            views.remove_passkey,
            name="accounts_2fa_remove_passkey",
        ),
        path(
            "two-factor/recovery-codes/",
            views.replace_recovery_codes,
            name="accounts_2fa_recovery_codes",
        ),
        # The package's WebAuthn ceremonies, under the admin: the admin's login
        # requirement and its Content-Security-Policy apply to them too.
        path(
            "two-factor/webauthn/",
            include("django_otp_webauthn.urls"),
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_2fa_manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Your passkeys, authenticator app and recovery codes."),
    }
