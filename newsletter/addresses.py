"""Email addresses as stored, and the keyed hashes that stand in for them."""

import hashlib
import hmac

from django.conf import settings


def normalise_email(address):
    """The address as stored: trimmed, with its domain lowercased.

    The local part stays as typed: RFC 5321 lets servers treat it as case
    sensitive, so lowercasing it could merge two different mailboxes.
    """
    address = (address or "").strip()
    local, at, domain = address.rpartition("@")
    if not at:
        return address
    return f"{local}@{domain.lower()}"


def email_key(address):
    """A keyed hash of a normalised address (HMAC-SHA256 with SECRET_KEY).

    Keyed, so that the table of erased addresses cannot be reversed with a
    dictionary of known addresses by whoever reads a database dump alone.
    """
    key = ("newsletter.erased:" + settings.SECRET_KEY).encode()
    return hmac.new(key, normalise_email(address).encode(), hashlib.sha256).hexdigest()
