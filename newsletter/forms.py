"""The sign-up form and its signed time-trap token."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from newsletter.addresses import AddressError, normalise_email

SIGNUP_SALT = "newsletter.signup"


# The time trap. Pages are cached (by the CDN and browsers), so the signed
# timestamp in the form is the time the page was rendered, not the time the
# visitor opened it: only a MINIMUM age hints at a bot (no person reads and
# fills a form within 3 seconds of the page being made), and the maximum is
# generous (7 days) so that a long-cached page still works. A page made a
# moment ago (a new query string, a fresh publish) can meet a quick person,
# so a too-fast sender is never dropped: they are asked to press again, with
# a fresh token marked as such, whose own minimum age is a second.
def min_form_age(repress=False):
    if repress:
        return getattr(settings, "NEWSLETTER_MIN_REPRESS_AGE", 1)
    return getattr(settings, "NEWSLETTER_MIN_FORM_AGE", 3)


def max_form_age():
    return getattr(settings, "NEWSLETTER_MAX_FORM_AGE", 7 * 24 * 3600)


class _Signer(signing.TimestampSigner):
    def __init__(self, issued_at=None, **kwargs):
        super().__init__(salt=SIGNUP_SALT, **kwargs)
        self.issued_at = issued_at

    def timestamp(self):
        if self.issued_at is None:
            return super().timestamp()
        return signing.b62_encode(int(self.issued_at))


def make_form_token(
    page_id, list_id, consent_hash, ask_first_name, issued_at=None, repress=False
):
    """A signed, timestamped token naming the page, the list and the wording."""
    payload = {"p": page_id, "l": list_id, "c": consent_hash, "f": ask_first_name}
    if repress:
        payload["r"] = 1
    return _Signer(issued_at=issued_at).sign_object(payload)


class FormToken:
    """A verified form token: what the form was for and how old it is."""

    def __init__(self, payload, age):
        self.page_id = payload.get("p")
        self.list_id = payload.get("l")
        self.consent_hash = payload.get("c") or ""
        self.ask_first_name = bool(payload.get("f"))
        self.repress = bool(payload.get("r"))
        self.age = age

    @classmethod
    def read(cls, token):
        """The token's content, or None if it is forged, damaged or too old."""
        signer = _Signer()
        try:
            payload = signer.unsign_object(token, max_age=max_form_age())
            issued_at = signing.b62_decode(token.rsplit(signer.sep, 2)[-2])
        except (signing.BadSignature, ValueError, TypeError):
            return None
        if not isinstance(payload, dict):
            return None
        return cls(payload, age=time.time() - issued_at)

    @property
    def too_fast(self):
        return self.age < min_form_age(self.repress)

    def renewed(self):
        """A fresh token for the same form, for a 'press again' page."""
        return make_form_token(
            self.page_id,
            self.list_id,
            self.consent_hash,
            self.ask_first_name,
            repress=True,
        )


def _no_line_breaks(value):
    if "\r" in value or "\n" in value:
        raise forms.ValidationError(_("Please write this on one line."))


class AddressField(forms.EmailField):
    """An email field that normalises before it validates, so that one
    mailbox typed with invisible characters is still one valid address."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        _no_line_breaks(value)
        try:
            return normalise_email(value)
        except AddressError as error:
            raise forms.ValidationError(error.message, code=error.code) from None


class SignupForm(forms.Form):
    """Email (and, if the editor asked, a first name) to join a mailing list."""

    email = AddressField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    first_name = forms.CharField(
        label=_("First name (optional)"),
        max_length=100,
        required=False,
        strip=True,
        validators=[_no_line_breaks],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    # The honeypot: hidden from people by CSS and from screen readers by
    # aria-hidden, but plain to a bot that fills every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, ask_first_name=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_first_name:
            del self.fields["first_name"]
