"""Email addresses as stored, and the keyed hashes that stand in for them.

One mailbox must be one row: the address is normalised (Unicode NFC, the
invisible characters that copy-and-paste or a keyboard slips in removed, the
domain in its IDNA form, lowercased) before the uniqueness check and the
one-email-an-hour cap see it. What email can never carry (direction
overrides, U+FFFD, line separators, control characters) is refused with a
message that says why, rather than accepted and never delivered.
"""

import hashlib
import hmac
import unicodedata

from django.conf import settings
from django.core.mail.message import sanitize_address
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

ERASED_KEY_SALT = "newsletter.erased"

# Bidirectional controls are format characters too, but they change how an
# address reads on screen (a classic spoof) and mail headers refuse them:
# they are refused, not silently removed.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Control, surrogate, private-use and unassigned code points, and line or
# paragraph separators: no mail system delivers to an address holding one.
NEVER_IN_AN_ADDRESS = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})


class AddressError(ValueError):
    """An address that cannot be normalised or never be emailed."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


def _describe(char):
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".strip()


def _refuse_unemailable(address):
    for char in address:
        if (
            char in BIDI_CONTROLS
            or char == "\ufffd"
            or unicodedata.category(char) in NEVER_IN_AN_ADDRESS
        ):
            raise AddressError(
                _(
                    "This address contains a character that email cannot "
                    "carry (%(character)s). Please type the address again "
                    "without it."
                )
                % {"character": _describe(char)},
                code="unemailable",
            )


def _without_invisible(text):
    # Zero-width spaces and joiners, soft hyphens, byte-order marks, word
    # joiners: format characters (category Cf) that are never part of an
    # address a person meant to type.
    return "".join(
        char
        for char in text
        if unicodedata.category(char) != "Cf" or char in BIDI_CONTROLS
    )


def _idna_domain(domain):
    if domain.isascii():
        return domain.lower()
    try:
        # The codec Django's mail machinery uses (IDNA 2003 with nameprep),
        # so that what is stored is exactly what will be sent to.
        return domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise AddressError(
            _(
                "We cannot read the part after the @ as an internet domain. "
                "Please check the address."
            ),
            code="bad_domain",
        ) from None


def normalise_email(address):
    """The address as stored, or AddressError saying why it cannot be.

    The local part keeps its case: RFC 5321 lets servers treat it as case
    sensitive, so lowercasing it could merge two different mailboxes.
    """
    address = unicodedata.normalize("NFC", (address or "").strip())
    address = _without_invisible(address).strip()
    _refuse_unemailable(address)
    local, at, domain = address.rpartition("@")
    if not at:
        return address
    address = f"{local}@{_idna_domain(domain)}"
    try:
        # The last word goes to the code that will build the message.
        sanitize_address(address, settings.DEFAULT_CHARSET)
    except (UnicodeError, ValueError):
        raise AddressError(
            _("This address cannot receive email. Please check it."),
            code="unemailable",
        ) from None
    return address


def stored_form(address):
    """The normalised address, or the trimmed address where it cannot be
    normalised (rows stored before normalisation must stay usable)."""
    try:
        return normalise_email(address)
    except AddressError:
        return (address or "").strip()


def email_key(address):
    """A keyed hash of a normalised address (salted HMAC-SHA256, SECRET_KEY).

    Keyed, so that the table of erased addresses cannot be reversed with a
    dictionary of known addresses by whoever reads a database dump alone.
    """
    return salted_hmac(
        ERASED_KEY_SALT, stored_form(address), algorithm="sha256"
    ).hexdigest()


def _legacy_email_key(address, secret):
    # The keys stored before salted_hmac: HMAC-SHA256 keyed with the salt
    # and secret joined. Erased addresses cannot be re-hashed (only their
    # hashes are kept), so these stay recognised for as long as they exist.
    key = f"{ERASED_KEY_SALT}:{secret}".encode()
    return hmac.new(key, stored_form(address).encode(), hashlib.sha256).hexdigest()


def email_keys(address):
    """Every key this address may be stored under: the current one first,
    then those under SECRET_KEY_FALLBACKS and the pre-salted_hmac form."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    keys = [email_key(address)]
    keys += [
        salted_hmac(
            ERASED_KEY_SALT, stored_form(address), secret=secret, algorithm="sha256"
        ).hexdigest()
        for secret in secrets[1:]
    ]
    keys += [_legacy_email_key(address, secret) for secret in secrets]
    return list(dict.fromkeys(keys))


def client_key(purpose, value):
    """A keyed hash for a cache key: it names a client or a token without
    revealing it, and cannot be linked across purposes."""
    return salted_hmac(f"newsletter.{purpose}", value, algorithm="sha256").hexdigest()[
        :40
    ]
