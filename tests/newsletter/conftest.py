"""Fixtures for the newsletter tests: a list, a sign-up page, a posting helper."""

import time

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from newsletter.forms import make_form_token
from newsletter.models import (
    ConsentWording,
    MailingList,
    NewsletterSettings,
    SignupPage,
)
from tests.factories import publish_child

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache: each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mailing_list(db):
    return MailingList.objects.create(
        name="#EndReprisals updates",
        description="One email a month on the campaign.",
        locale=Locale.get_default(),
    )


@pytest.fixture
def signup_page(home_page, mailing_list):
    return publish_child(
        home_page,
        SignupPage(
            title="Join us",
            slug="join",
            intro="<p>Join.</p>",
            mailing_list=mailing_list,
            ask_first_name=True,
        ),
    )


@pytest.fixture
def newsletter_settings(home_page, mailing_list):
    from wagtail.models import Site

    settings = NewsletterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_list = mailing_list
    settings.save()
    return settings


def form_token(mailing_list, page=None, age=10, ask_first_name=True, consent=None):
    consent = consent or NewsletterSettings().get_consent_text()
    return make_form_token(
        page.pk if page else None,
        mailing_list.pk,
        ConsentWording.hash_of(consent),
        ask_first_name,
        issued_at=time.time() - age,
    )


@pytest.fixture
def post_signup(client, mailing_list):
    """POST a sign-up as a person would: from our origin, after 10 seconds."""

    def post(email="defender@example.org", *, page=None, age=10, headers=None, **data):
        fields = {
            "email": email,
            "first_name": "",
            "website": "",
            "token": form_token(mailing_list, page=page, age=age),
        }
        fields.update(data)
        return client.post(
            "/newsletter/subscribe/",
            fields,
            **(SAME_ORIGIN if headers is None else headers),
        )

    return post
