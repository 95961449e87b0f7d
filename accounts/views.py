"""Setting up and entering a second factor for the admin (django-otp)."""

import base64

import segno
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.forms import CodeForm

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _page(request, template, context, status=200):
    context = {"next": _next_url(request), **context}
    response = render(request, f"accounts/{template}", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones, and return them."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=code) for code in codes]
    )
    return codes


@never_cache
def setup(request):
    """Pair an authenticator app: scan the code, type what it shows."""
    if user_has_device(request.user):
        return redirect(f"{reverse('accounts_2fa_verify')}?next={_next_url(request)}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name=APP_DEVICE_NAME, confirmed=False
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            codes = new_recovery_codes(request.user)
            return _page(request, "recovery_codes.html", {"codes": codes})
        form.add_error("code", _("That code did not match. Try the newest one."))
    return _page(
        request,
        "setup.html",
        {
            "form": form,
            "secret": base64.b32encode(device.bin_key).decode(),
            "qr_svg": segno.make(device.config_url).svg_inline(scale=4),
        },
        status=400 if form.errors else 200,
    )


@never_cache
def verify(request):
    """Enter the code from the authenticator app, or a recovery code."""
    if not user_has_device(request.user):
        return redirect(f"{reverse('accounts_2fa_setup')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("That code did not match. Try the newest one."))
    return _page(
        request, "verify.html", {"form": form}, status=400 if form.errors else 200
    )
