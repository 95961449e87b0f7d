"""Abuse controls that must neither drop a person nor let a bot through.

One mailbox is one row and one email however it is spelled; an address email
cannot carry is refused with a reason; a too-fast or over-used form asks for
a second press instead of pretending; the rate limit trusts only the
configured proxies, slides, and degrades to a per-process limit when the cache
is down, without losing a sign-up or an unsubscribe.
"""

import hashlib
import hmac
import re
import time

import pytest
from django.core import mail
from django.core.cache import cache

from newsletter.addresses import email_key
from newsletter.models import ErasedAddress, Subscriber, Subscription
from tests.newsletter.conftest import SAME_ORIGIN

pytestmark = pytest.mark.django_db

CHECK_INBOX = "/newsletter/check-your-inbox/"

# One mailbox, fourteen ways: invisible characters pasted in, a byte-order
# mark, case and full-width letters in the domain, a decomposed accent.
SPELLINGS = [
    "defender@exämple.org",
    " defender@exämple.org ",
    "defender@EXÄMPLE.ORG",
    "defender@exa\u0308mple.org",  # a + combining diaeresis (NFD)
    "defender@xn--exmple-cua.org",
    "defender@exä\u200bmple.org",  # zero-width space
    "defender@exä\u200cmple.org",  # zero-width non-joiner
    "defender@exä\u200dmple.org",  # zero-width joiner
    "defender@exä\u2060mple.org",  # word joiner
    "defender@ex\u00adämple.org",  # soft hyphen
    "\ufeffdefender@exämple.org",  # byte-order mark
    "defender@exämple.org\ufeff",
    "de\u200bfender@exämple.org",  # zero-width space in the local part
    "defender@ＥＸÄＭＰＬＥ.org",  # full-width letters
]


def test_fourteen_spellings_of_one_mailbox_make_one_row_and_one_email(
    post_signup, settings
):
    settings.NEWSLETTER_FORM_TOKEN_USES = 100  # one page, typed fourteen ways
    assert len(set(SPELLINGS)) == 14
    for spelling in SPELLINGS:
        response = post_signup(spelling, headers=_from(f"198.51.100.{len(spelling)}"))
        assert response.status_code == 303, spelling
    assert list(Subscriber.objects.values_list("email", flat=True)) == [
        "defender@xn--exmple-cua.org"
    ]
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "address,shown",
    [
        ("defender@exa\u202emple.org", "U+202E"),
        ("defender\u202e@example.org", "U+202E"),
        ("defender@example.org\u202e", "U+202E"),
        ("defender@exam\ufffdple.org", "U+FFFD"),
        ("defender@exam\u2028ple.org", "U+2028"),
        ("defender@exam\u2029ple.org", "U+2029"),
        ("defender@exam\u0007ple.org", "U+0007"),
        ("defender@exam\ue000ple.org", "U+E000"),
    ],
)
def test_an_address_email_cannot_carry_is_refused_with_the_reason(
    post_signup, address, shown
):
    response = post_signup(address)
    assert response.status_code == 400
    html = response.content.decode()
    assert "email cannot carry" in html and shown in html
    assert "Check your inbox" not in html
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_a_domain_that_cannot_be_normalised_is_refused_with_the_reason(post_signup):
    response = post_signup("defender@" + "ä" * 70 + ".org")
    assert response.status_code == 400
    assert b"cannot read the part after the @" in response.content
    assert not Subscriber.objects.exists()


# Keyed hashes -------------------------------------------------------------


def test_erased_keys_are_salted_hmacs(settings):
    from django.utils.crypto import salted_hmac

    expected = salted_hmac(
        "newsletter.erased", "ana@example.org", algorithm="sha256"
    ).hexdigest()
    assert email_key("ana@EXAMPLE.org") == expected


def test_an_address_erased_under_the_old_hash_stays_erased(client, settings):
    legacy = hmac.new(
        ("newsletter.erased:" + settings.SECRET_KEY).encode(),
        b"ana@example.org",
        hashlib.sha256,
    ).hexdigest()
    ErasedAddress.objects.create(key=legacy)
    assert ErasedAddress.is_erased("ana@example.org")
    ErasedAddress.forget("ana@example.org")
    assert not ErasedAddress.objects.exists()


def _from(address):
    return {**SAME_ORIGIN, "REMOTE_ADDR": address}


# The time trap and the form token ------------------------------------------


def _press_again_token(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert "Press the button again" in html
    assert "Check your inbox" not in html
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def test_a_submission_at_half_a_second_is_asked_to_press_again_then_stored(
    post_signup, monkeypatch
):
    response = post_signup("quick@example.org", age=0.5)
    fresh = _press_again_token(response)
    assert b'value="quick@example.org"' in response.content
    assert not Subscriber.objects.exists()
    assert not mail.outbox

    later = time.time() + 2
    monkeypatch.setattr(time, "time", lambda: later)
    again = post_signup("quick@example.org", token=fresh)
    assert again.status_code == 303 and again["Location"] == CHECK_INBOX
    assert Subscriber.objects.get().email == "quick@example.org"
    assert len(mail.outbox) == 1


def test_one_cached_token_serves_a_few_people_then_asks_for_a_fresh_press(
    post_signup, mailing_list, settings, monkeypatch
):
    from tests.newsletter.conftest import form_token

    settings.NEWSLETTER_FORM_TOKEN_USES = 3
    shared = form_token(mailing_list)
    statuses = [
        post_signup(f"p{i}@example.org", token=shared, headers=_from(f"192.0.2.{i}"))
        for i in range(5)
    ]
    assert [r.status_code for r in statuses[:3]] == [303, 303, 303]
    fresh = _press_again_token(statuses[3])
    assert Subscriber.objects.count() == 3
    # The fourth person presses again: stored, not dropped.
    later = time.time() + 2
    monkeypatch.setattr(time, "time", lambda: later)
    assert post_signup("p3@example.org", token=fresh).status_code == 303
    assert Subscriber.objects.count() == 4


# The client address and the rate limit --------------------------------------


@pytest.mark.parametrize(
    "proxies,header,expected",
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "6.6.6.6", "10.0.0.1"),  # fewer entries than proxies: REMOTE_ADDR
        (0, "6.6.6.6", "10.0.0.1"),  # no proxy: the header is the client's
    ],
)
def test_the_client_address_trusts_only_the_configured_proxies(
    rf, settings, proxies, header, expected
):
    from newsletter.abuse import client_address

    settings.NEWSLETTER_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.NEWSLETTER_TRUSTED_PROXY_COUNT = proxies
    request = rf.post("/", HTTP_X_FORWARDED_FOR=header, REMOTE_ADDR="10.0.0.1")
    assert client_address(request) == expected


def test_a_forged_forwarded_header_does_not_escape_the_rate_limit(
    post_signup, settings
):
    settings.NEWSLETTER_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.NEWSLETTER_TRUSTED_PROXY_COUNT = 2
    settings.NEWSLETTER_RATE_LIMIT = (5, 600)
    for i in range(20):
        post_signup(
            f"n{i}@example.org",
            headers={**SAME_ORIGIN, "HTTP_X_FORWARDED_FOR": f"198.18.0.{i}"},
        )
    assert Subscriber.objects.count() == 5


def test_a_window_boundary_does_not_double_the_allowance(
    post_signup, settings, monkeypatch
):
    settings.NEWSLETTER_RATE_LIMIT = (3, 600)
    boundary = (int(time.time() // 600) + 1) * 600
    monkeypatch.setattr(time, "time", lambda: boundary - 2)
    before = [post_signup(f"a{i}@example.org").status_code for i in range(3)]
    monkeypatch.setattr(time, "time", lambda: boundary + 2)
    after = [post_signup(f"b{i}@example.org").status_code for i in range(3)]
    assert before == [303, 303, 303]
    assert after == [429, 429, 429]
    assert Subscriber.objects.count() == 3


def test_no_client_address_is_kept_in_the_cache(post_signup):
    post_signup(headers=_from("203.0.113.9"))
    keys = cache.keys("*") if hasattr(cache, "keys") else list(cache._cache.keys())
    values = [str(cache.get(key.split(":", 2)[-1])) for key in keys]
    assert keys
    assert not any("203.0.113.9" in text for text in keys + values)


class RaisingCache:
    """The newsletter's own cache calls, with the cache server down."""

    def __getattr__(self, name):
        def refuse(*args, **kwargs):
            raise ConnectionError("cache server unreachable")

        return refuse


@pytest.fixture
def cache_raises(monkeypatch):
    from newsletter import abuse

    monkeypatch.setattr(abuse, "cache", RaisingCache())
    abuse.LOCAL_COUNTERS.clear()
    yield
    abuse.LOCAL_COUNTERS.clear()


@pytest.fixture
def redis_down(settings):
    """The production cache configuration, pointed at a port nobody serves."""
    from newsletter import abuse

    settings.CACHES = {
        "default": {
            "BACKEND": "core.serving.resilient.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/11",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }
    abuse.LOCAL_COUNTERS.clear()
    yield
    abuse.LOCAL_COUNTERS.clear()


def test_when_the_cache_raises_signups_are_stored_and_still_limited(
    post_signup, settings, cache_raises
):
    settings.NEWSLETTER_RATE_LIMIT = (3, 600)
    statuses = [post_signup(f"d{i}@example.org").status_code for i in range(5)]
    assert statuses == [303, 303, 303, 429, 429]
    assert Subscriber.objects.count() == 3
    assert len(mail.outbox) == 3


def _unsubscribe_link(message):
    return re.search(
        r"http://testserver(/newsletter/unsubscribe/\S+)", message.body
    ).group(1)


def test_with_redis_down_a_signup_and_an_unsubscribe_still_work(
    client, post_signup, settings, redis_down
):
    settings.NEWSLETTER_RATE_LIMIT = (3, 600)
    statuses = [post_signup(f"r{i}@example.org").status_code for i in range(4)]
    assert statuses == [303, 303, 303, 429]
    assert Subscriber.objects.count() == 3
    assert client.post(_unsubscribe_link(mail.outbox[0])).status_code == 200
    assert Subscription.objects.filter(state="unsubscribed").count() == 1


# Re-sent confirmations --------------------------------------------------------


def test_a_resent_confirmation_retires_the_older_link(client, post_signup):
    from datetime import timedelta

    from django.utils import timezone

    def confirm_link(message):
        return re.search(
            r"http://testserver(/newsletter/confirm/\S+)", message.body
        ).group(1)

    post_signup("twice@example.org")
    Subscriber.objects.update(last_emailed_at=timezone.now() - timedelta(hours=2))
    post_signup("twice@example.org")
    assert len(mail.outbox) == 2
    older, newer = (confirm_link(message) for message in mail.outbox)
    assert older != newer
    assert client.post(older).status_code == 400
    assert client.post(newer).status_code == 200
    assert Subscription.objects.get().state == Subscription.State.CONFIRMED


def test_a_throttled_resend_keeps_the_link_already_sent(client, post_signup):
    post_signup("twice@example.org")
    post_signup("twice@example.org")  # within the hour: no new email
    assert len(mail.outbox) == 1
    link = re.search(
        r"http://testserver(/newsletter/confirm/\S+)", mail.outbox[0].body
    ).group(1)
    assert client.post(link).status_code == 200
