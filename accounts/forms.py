"""What the 2FA pages ask for: a code, and a name for a new passkey."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_(
            "The 6-digit code your authenticator app shows now, or one of your "
            "recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class PasskeyNameForm(forms.Form):
    """The name a staff user gives a passkey, to tell their passkeys apart."""

    DEFAULT_NAME = _("Passkey")

    name = forms.CharField(
        label=_("Name of the passkey"),
        max_length=64,
        required=False,
        help_text=_(
            "Where it lives, for example “Work laptop” or “Security key”: you "
            "will see it in the list of your passkeys."
        ),
    )
