"""The sign-up form and its signed time-trap token."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from newsletter.addresses import normalise_email

SIGNUP_SALT = "newsletter.signup"

# The time trap. Pages are cached (by the CDN and browsers), so the signed
# timestamp in the form is the time the page was rendered, not the time the
# visitor opened it: only a MINIMUM age proves a bot (no person reads and
# fills a form within 3 seconds of the page being made), and the maximum is
# generous (7 days) so that a long-cached page still works. A token older
# than that gets a polite "reload the page", never a silent drop.
MIN_FORM_AGE = getattr(settings, "NEWSLETTER_MIN_FORM_AGE", 3)
MAX_FORM_AGE = getattr(settings, "NEWSLETTER_MAX_FORM_AGE", 7 * 24 * 3600)


class _Signer(signing.TimestampSigner):
    def __init__(self, issued_at=None, **kwargs):
        super().__init__(salt=SIGNUP_SALT, **kwargs)
        self.issued_at = issued_at

    def timestamp(self):
        if self.issued_at is None:
            return super().timestamp()
        return signing.b62_encode(int(self.issued_at))


def make_form_token(page_id, list_id, consent_hash, ask_first_name, issued_at=None):
    """A signed, timestamped token naming the page, the list and the wording."""
    payload = {"p": page_id, "l": list_id, "c": consent_hash, "f": ask_first_name}
    return _Signer(issued_at=issued_at).sign_object(payload)


class FormToken:
    """A verified form token: what the form was for and how old it is."""

    def __init__(self, payload, age):
        self.page_id = payload.get("p")
        self.list_id = payload.get("l")
        self.consent_hash = payload.get("c") or ""
        self.ask_first_name = bool(payload.get("f"))
        self.age = age

    @classmethod
    def read(cls, token):
        """The token's content, or None if it is forged, damaged or too old."""
        signer = _Signer()
        try:
            payload = signer.unsign_object(token, max_age=MAX_FORM_AGE)
            issued_at = signing.b62_decode(token.rsplit(signer.sep, 2)[-2])
        except (signing.BadSignature, ValueError, TypeError):
            return None
        if not isinstance(payload, dict):
            return None
        return cls(payload, age=time.time() - issued_at)

    @property
    def too_fast(self):
        return self.age < MIN_FORM_AGE


def _no_line_breaks(value):
    if "\r" in value or "\n" in value:
        raise forms.ValidationError(_("Please write this on one line."))


class SignupForm(forms.Form):
    """Email (and, if the editor asked, a first name) to join a mailing list."""

    email = forms.EmailField(
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

    def clean_email(self):
        value = self.cleaned_data["email"]
        _no_line_breaks(value)
        return normalise_email(value)
