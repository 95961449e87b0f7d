"""The sign-up form, its signed time-trap token, and what its template needs."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
        from newsletter.models import normalise_email

        value = self.cleaned_data["email"]
        _no_line_breaks(value)
        return normalise_email(value)


def signup_form_context(
    request,
    *,
    page=None,
    mailing_list=None,
    button_label="",
    ask_first_name=False,
    form=None,
    token=None,
):
    """What the sign-up form template needs: the form, its token and wording.

    Returns None when there is no active list to join, so templates show
    nothing rather than a form that cannot work.
    """
    from newsletter.models import ConsentWording

    shared = _per_request(request, mailing_list)
    if shared is None:
        return None
    if token is None:
        token = make_form_token(
            page.pk if page is not None and page.pk else None,
            shared["list_id"],
            ConsentWording.hash_of(shared["consent_text"]),
            bool(ask_first_name),
        )
    if form is None:
        form = SignupForm(initial={"token": token}, ask_first_name=ask_first_name)
    return {
        "form": form,
        "action": reverse("newsletter:subscribe"),
        "mailing_list": shared["mailing_list"],
        "consent_text": shared["consent_text"],
        "privacy_notice": shared["privacy_notice"],
        "button_label": button_label or _("Sign up"),
    }


def _per_request(request, mailing_list):
    """Settings, wording, privacy link and list, looked up once per request.

    Memoised on the request, so a page with several sign-up blocks makes
    the same number of queries as a page with one.
    """
    from wagtail.models import Site

    from core.models import SiteSettings
    from newsletter.models import NewsletterSettings

    memo = request.__dict__.setdefault("_newsletter_signup", {}) if request else {}
    if "settings" not in memo:
        site = Site.find_for_request(request) if request is not None else None
        newsletter_settings = (
            NewsletterSettings.for_request(request) if site else NewsletterSettings()
        )
        privacy_notice = (
            SiteSettings.for_request(request).privacy_notice if site else None
        )
        memo["settings"] = newsletter_settings
        memo["consent_text"] = newsletter_settings.get_consent_text()
        memo["privacy_notice"] = privacy_notice.localized if privacy_notice else None
    if mailing_list is None:
        mailing_list = memo["settings"].default_list
    # A list a moderator has not published (or has unpublished) takes no one.
    if mailing_list is None or not mailing_list.active or not mailing_list.live:
        return None
    if mailing_list.pk not in memo:
        memo[mailing_list.pk] = (mailing_list.canonical().pk, mailing_list.localized)
    list_id, localized = memo[mailing_list.pk]
    return {
        "list_id": list_id,
        "mailing_list": localized,
        "consent_text": memo["consent_text"],
        "privacy_notice": memo["privacy_notice"],
    }
