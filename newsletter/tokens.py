"""Signed tokens for the links in emails: an opaque id, never the address.

A confirmation token names a subscription by its random key plus a nonce that
changes when the link is used, so it works once; it expires after 7 days. An
unsubscribe token names the subscription only and does not expire: the link
in a newsletter read months later must still let the reader leave.
"""

from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def make_confirm_token(subscription, issued_at=None):
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    payload = {"k": str(subscription.key), "n": subscription.confirm_nonce}
    if issued_at is None:
        return signer.sign_object(payload)

    # Tests make expired tokens by backdating them.
    class _Backdated(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(issued_at))

    return _Backdated(salt=CONFIRM_SALT).sign_object(payload)


def read_confirm_token(token):
    """(key, nonce) from a valid, unexpired token, else None."""
    try:
        payload = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(
            token, max_age=CONFIRM_MAX_AGE
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(payload, dict) or not payload.get("k") or not payload.get("n"):
        return None
    return str(payload["k"]), str(payload["n"])


def make_unsubscribe_token(subscription):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        {"k": str(subscription.key)}
    )


def read_unsubscribe_token(token):
    """The subscription key from a valid token, else None."""
    try:
        payload = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(payload, dict) or not payload.get("k"):
        return None
    return str(payload["k"])
