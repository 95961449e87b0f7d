"""Failed-login throttling (django-axes) that never stores a client's address.

Axes keeps one AccessAttempt row per locked-out criterion, with the client's
IP address, user agent, Accept header, path and form data. Here:

- the "IP address" it stores is a keyed hash of the client address, written
  as an IPv6 address inside 2001:db8::/32 (the documentation range, so never
  a real client's): the same client always maps to the same value, which
  lockout needs, but the value cannot be turned back into the address
  without SECRET_KEY, and it fits axes' GenericIPAddressField (PostgreSQL's
  inet type);
- the user agent and Accept header are blanked before axes sees them;
- the access log (every login and logout) and the failure log are off
  (AXES_DISABLE_ACCESS_LOG, AXES_ENABLE_ACCESS_FAILURE_LOG in settings).

Unlock: attempts expire after AXES_COOLOFF_TIME, or `manage.py axes_reset`
(everyone), `manage.py axes_reset_username NAME` (one account).
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from core.clients import client_address

DOCUMENTATION_PREFIX = bytes.fromhex("20010db8")


def hashed_client_address(request):
    """AXES_CLIENT_IP_CALLABLE: a keyed hash of the client, shaped as IPv6."""
    digest = salted_hmac(
        "accounts.throttle", client_address(request), algorithm="sha256"
    ).digest()
    return str(ipaddress.IPv6Address(DOCUMENTATION_PREFIX + digest[:12]))


class PrivateAxesHandler(AxesDatabaseHandler):
    """Axes' database handler, told nothing about the client's software."""

    @staticmethod
    def _forget_client_details(request):
        if request is not None:
            request.axes_user_agent = ""
            request.axes_http_accept = ""

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        self._forget_client_details(request)
        return super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        self._forget_client_details(request)
        return super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender, request, user, **kwargs):
        self._forget_client_details(request)
        return super().user_logged_out(sender, request, user, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: say plainly what happened and what to do."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
