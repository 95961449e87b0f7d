"""Two-factor authentication for the admin, required when ADMIN_REQUIRE_2FA.

A signed-in user on an admin URL whose session has not passed a second
factor (django-otp's `user.is_verified()`) is sent to use a passkey or enter
a code, or, with no device yet, to set one up. Signing in, out and the 2FA
pages themselves stay reachable. Runs after django_otp.middleware.OTPMiddleware.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "accounts_2fa_setup",
    "accounts_2fa_verify",
    "wagtailadmin_javascript_catalog",
    # The icons, public in Wagtail: the admin's script fetches them and puts
    # what it gets into the page, so a redirect here put a second copy of
    # the 2FA page, forms and all, into every 2FA page.
    "wagtailadmin_sprite",
    # django-otp-webauthn's JSON views, which the 2FA pages call. The package
    # refuses to register a passkey for a session that has a device but has
    # not passed it, and checks a passkey belongs to the signed-in user.
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
    "otp_webauthn:js-i18n-catalog",
)


class AdminTwoFactorMiddleware:
    """Keeps an unverified session out of the admin until it passes 2FA."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            name = (
                "accounts_2fa_verify"
                if user_has_device(request.user)
                else "accounts_2fa_setup"
            )
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(name)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _must_verify(request):
        if not getattr(settings, "ADMIN_REQUIRE_2FA", True):
            return False
        # The path first: asking who the user is reads the session, which
        # marks a public page `Vary: Cookie` and keeps it out of every cache.
        if not request.path.startswith(tuple(settings.ADMIN_URL_PREFIXES)):
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return False
        open_paths = {reverse(name) for name in OPEN_URL_NAMES}
        return request.path not in open_paths
