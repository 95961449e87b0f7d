"""Emailed links: confirm and unsubscribe, single use, expiry, tampering, RFC 8058."""

import re
import time

import pytest
from django.core import mail, signing

from newsletter.addresses import email_key
from newsletter.models import ErasedAddress, Subscriber, Subscription
from newsletter.tokens import (
    CONFIRM_SALT,
    make_confirm_token,
    make_unsubscribe_token,
)

pytestmark = pytest.mark.django_db


def _links(message):
    confirm = re.search(r"http://testserver(/newsletter/confirm/[^\s]+)", message.body)
    unsubscribe = re.search(
        r"http://testserver(/newsletter/unsubscribe/[^\s]+)", message.body
    )
    return confirm.group(1) if confirm else None, unsubscribe.group(1)


@pytest.fixture
def pending(post_signup):
    post_signup("defender@example.org")
    return Subscription.objects.get()


def _state(subscription):
    subscription.refresh_from_db()
    return subscription.state


def test_get_on_the_confirm_link_changes_nothing(client, pending):
    confirm_url, _unsub = _links(mail.outbox[0])
    response = client.get(confirm_url)
    assert response.status_code == 200
    assert b'method="post"' in response.content
    assert b"defender@example.org" not in response.content
    assert _state(pending) == Subscription.State.PENDING
    assert response["Cache-Control"].startswith("max-age=0")
    assert not response.cookies


def test_post_confirms_once(client, pending):
    confirm_url, _unsub = _links(mail.outbox[0])
    response = client.post(confirm_url)
    assert response.status_code == 200
    assert b"You are subscribed" in response.content
    pending.refresh_from_db()
    assert pending.state == Subscription.State.CONFIRMED
    assert pending.confirmed_at is not None
    # The same link again: refused, state unchanged.
    again = client.post(confirm_url)
    assert again.status_code == 400
    assert client.get(confirm_url).status_code == 400
    assert _state(pending) == Subscription.State.CONFIRMED


def test_expired_confirm_link_is_refused(client, pending):
    token = make_confirm_token(pending, issued_at=time.time() - 8 * 24 * 3600)
    response = client.post(f"/newsletter/confirm/{token}/")
    assert response.status_code == 400
    assert _state(pending) == Subscription.State.PENDING


def test_a_link_six_days_old_still_works(client, pending):
    token = make_confirm_token(pending, issued_at=time.time() - 6 * 24 * 3600)
    assert client.post(f"/newsletter/confirm/{token}/").status_code == 200
    assert _state(pending) == Subscription.State.CONFIRMED


def test_tampered_token_confirms_nobody(client, pending, post_signup):
    post_signup("other@example.org")
    other = Subscription.objects.get(subscriber__email="other@example.org")
    token = make_confirm_token(pending)
    payload, timestamp, signature = token.rsplit(":", 2)
    # Swap in the other subscription's id with the original signature.
    forged_payload = signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(
        {"k": str(other.key), "n": other.confirm_nonce}
    )
    forged = f"{forged_payload.rsplit(':', 2)[0]}:{timestamp}:{signature}"
    for bad in (forged, token[:-2] + "xx", "nonsense", "a" * 5000):
        assert client.post(f"/newsletter/confirm/{bad}/").status_code in (400, 404)
    assert _state(pending) == Subscription.State.PENDING
    assert _state(other) == Subscription.State.PENDING


def test_tokens_carry_no_address(pending):
    for token in (make_confirm_token(pending), make_unsubscribe_token(pending)):
        # The payload is readable by anyone holding the link: only an opaque id.
        decoded = signing.b64_decode(token.split(":")[0].encode()).decode()
        assert str(pending.key) in decoded
        assert "defender" not in decoded and "example.org" not in decoded


def test_a_new_confirmation_token_from_the_other_salt_is_useless(client, pending):
    unsubscribe_token = make_unsubscribe_token(pending)
    assert client.post(f"/newsletter/confirm/{unsubscribe_token}/").status_code == 400
    assert _state(pending) == Subscription.State.PENDING


def test_get_on_the_unsubscribe_link_changes_nothing(client, pending):
    pending.state = Subscription.State.CONFIRMED
    pending.save()
    _confirm, unsubscribe_url = _links(mail.outbox[0])
    response = client.get(unsubscribe_url)
    assert response.status_code == 200
    assert b'method="post"' in response.content
    assert _state(pending) == Subscription.State.CONFIRMED


def test_rfc8058_one_click_unsubscribe_without_cookies(client, pending):
    pending.state = Subscription.State.CONFIRMED
    pending.save()
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    url = header.strip("<>").removeprefix("http://testserver")
    client.cookies.clear()
    # What a mail provider sends: a cross-site POST with this body, no cookie.
    response = client.post(
        url,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN="https://mail.example",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 200
    assert not response.cookies
    pending.refresh_from_db()
    assert pending.state == Subscription.State.UNSUBSCRIBED
    assert pending.unsubscribed_at is not None
    # Again: the same answer, nothing breaks.
    assert (
        client.post(
            url,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        ).status_code
        == 200
    )


def test_unsubscribing_a_pending_request_kills_its_confirm_link(client, pending):
    confirm_url, unsubscribe_url = _links(mail.outbox[0])
    client.post(unsubscribe_url)
    assert _state(pending) == Subscription.State.UNSUBSCRIBED
    assert client.post(confirm_url).status_code == 400
    assert _state(pending) == Subscription.State.UNSUBSCRIBED


def test_forged_unsubscribe_token_is_refused(client, pending):
    token = make_unsubscribe_token(pending)
    assert client.post(f"/newsletter/unsubscribe/{token}x/").status_code == 400
    assert client.get("/newsletter/unsubscribe/nonsense/").status_code == 400
    assert _state(pending) == Subscription.State.PENDING


def test_full_cycle_new_pending_confirmed_unsubscribed_and_back(client, post_signup):
    post_signup("cycle@example.org")
    subscription = Subscription.objects.get()
    confirm_url, unsubscribe_url = _links(mail.outbox[-1])
    client.post(confirm_url)
    assert _state(subscription) == Subscription.State.CONFIRMED
    client.post(unsubscribe_url)
    assert _state(subscription) == Subscription.State.UNSUBSCRIBED
    # Coming back is a new consent: pending again, a new confirmation (an
    # hour later, the per-address email cap allows it).
    Subscriber.objects.update(last_emailed_at=None)
    post_signup("cycle@example.org")
    assert _state(subscription) == Subscription.State.PENDING
    confirm_again, _unsub = _links(mail.outbox[-1])
    assert client.post(confirm_again).status_code == 200
    assert _state(subscription) == Subscription.State.CONFIRMED


def test_confirming_lifts_an_earlier_erasure(client, pending):
    ErasedAddress.record("defender@example.org")
    confirm_url, _unsub = _links(mail.outbox[0])
    client.post(confirm_url)
    assert not ErasedAddress.objects.filter(key=email_key("defender@example.org"))
