"""Setting up, entering and managing a second factor for the admin.

Two kinds, both django-otp devices: an authenticator app (TOTP) and passkeys
(django-otp-webauthn, whose own JSON views run the WebAuthn ceremonies; the
pages here hold their buttons). The first factor set up, of either kind,
comes with recovery codes.
"""

import base64
from functools import wraps

import segno
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.utils import get_credential_model

from accounts.forms import CodeForm, PasskeyNameForm

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
Passkey = get_credential_model()


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


def _finish_enrolment(request):
    """After a new factor: recovery codes if this was the first, else the list."""
    if StaticDevice.objects.filter(
        user=request.user, name=RECOVERY_DEVICE_NAME
    ).exists():
        return redirect("accounts_2fa_manage")
    codes = new_recovery_codes(request.user)
    return _page(request, "recovery_codes.html", {"codes": codes})


def verified_if_enrolled(view):
    """A session that has not passed its second factor may not change them:
    else a stolen password alone could add the thief's passkey."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if user_has_device(request.user) and not request.user.is_verified():
            query = f"?next={reverse('accounts_2fa_manage')}"
            return redirect(reverse("accounts_2fa_verify") + query)
        return view(request, *args, **kwargs)

    return wrapped


@never_cache
@verified_if_enrolled
def setup(request):
    """Pair an authenticator app (scan the code, type what it shows), or add
    a passkey."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect("accounts_2fa_manage")
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
            return _finish_enrolment(request)
        form.add_error("code", _("That code did not match. Try the newest one."))
    return _page(
        request,
        "setup.html",
        {
            "form": form,
            "passkey_form": PasskeyNameForm(),
            "secret": base64.b32encode(device.bin_key).decode(),
            "qr_svg": segno.make(device.config_url).svg_inline(scale=4),
        },
        status=400 if form.errors else 200,
    )


@never_cache
def verify(request):
    """Use a passkey, or enter the code from the authenticator app or a
    recovery code."""
    if not user_has_device(request.user):
        return redirect(f"{reverse('accounts_2fa_setup')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("That code did not match. Try the newest one."))
    context = {
        "form": form,
        "has_app": TOTPDevice.objects.filter(
            user=request.user, confirmed=True
        ).exists(),
        "has_passkey": Passkey.objects.filter(
            user=request.user, confirmed=True
        ).exists(),
    }
    return _page(request, "verify.html", context, status=400 if form.errors else 200)


@never_cache
@verified_if_enrolled
def manage(request):
    """The staff user's second factors: the app, passkeys, recovery codes."""
    if not user_has_device(request.user):
        return redirect("accounts_2fa_setup")
    recovery = StaticDevice.objects.filter(
        user=request.user, name=RECOVERY_DEVICE_NAME
    ).first()
    context = {
        "has_app": TOTPDevice.objects.filter(
            user=request.user, confirmed=True
        ).exists(),
        "passkeys": Passkey.objects.filter(user=request.user).order_by("created_at"),
        "recovery_left": recovery.token_set.count() if recovery else 0,
        "passkey_form": PasskeyNameForm(),
    }
    return _page(request, "manage.html", context)


@require_POST
@verified_if_enrolled
def passkey_added(request):
    """Name the passkey the browser has just registered (the package's view
    saved it, nameless), then show recovery codes if it is the first factor."""
    passkey_id = request.POST.get("passkey", "")
    passkey = get_object_or_404(
        Passkey, user=request.user, pk=passkey_id if passkey_id.isdigit() else None
    )
    form = PasskeyNameForm(request.POST)
    name = form.cleaned_data["name"] if form.is_valid() else ""
    passkey.name = name or str(PasskeyNameForm.DEFAULT_NAME)
    passkey.save(update_fields=["name"])
    messages.success(request, _("Passkey “%(name)s” added.") % {"name": passkey.name})
    return _finish_enrolment(request)


@require_POST
@verified_if_enrolled
def remove_passkey(request, pk):
    """Remove one of the user's passkeys, unless it is their last way in."""
    passkey = get_object_or_404(Passkey, user=request.user, pk=pk)
    others = (
        Passkey.objects.filter(user=request.user, confirmed=True)
        .exclude(pk=pk)
        .exists()
        or TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    )
    if not others:
        messages.error(
            request,
            _(
                "This is your only passkey and you have no authenticator app: "
                "add another passkey or the app first."
            ),
        )
    else:
        passkey.delete()
        messages.success(
            request, _("Passkey “%(name)s” removed.") % {"name": passkey.name}
        )
    return redirect("accounts_2fa_manage")


@require_POST
@verified_if_enrolled
def replace_recovery_codes(request):
    """New recovery codes: the old ones stop working."""
    if not user_has_device(request.user):
        return redirect("accounts_2fa_setup")
    codes = new_recovery_codes(request.user)
    return _page(
        request,
        "recovery_codes.html",
        {"codes": codes, "next": reverse("accounts_2fa_manage")},
    )
