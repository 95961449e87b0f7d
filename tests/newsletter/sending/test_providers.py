"""Every documented email provider takes the confirmation email, RFC 8058 and all.

Each provider's anymail backend runs with its HTTP layer mocked
(requests.Session.request; the boto3 client for Amazon SES), configured by
mysite/settings/email.py from the same environment a deployment sets. A
provider that cannot switch tracking per message is never asked to (anymail
would raise AnymailUnsupportedFeature).
"""

import json
from unittest import mock

import pytest
import requests
from django.test import override_settings

from mysite.settings.email import PROVIDERS, email_settings
from newsletter.models import Subscriber, Subscription
from newsletter.tasks import build_email

pytestmark = pytest.mark.django_db

TO = "defender@example.org"


def _reply(payload, status=200, headers=None):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(payload).encode() if payload is not None else b""
    response.headers.update(headers or {"Content-Type": "application/json"})
    response.encoding = "utf-8"
    return response


# A success answer of each provider's send API, as anymail parses it.
REPLIES = {
    "brevo": lambda: _reply({"messageId": "<1@brevo>"}, 201),
    "mailersend": lambda: _reply(
        None, 202, {"Content-Type": "text/plain", "X-Message-Id": "m1"}
    ),
    "mailgun": lambda: _reply({"id": "<1@mailgun>", "message": "Queued."}),
    "mailjet": lambda: _reply(
        {"Messages": [{"Status": "success", "To": [{"Email": TO, "MessageID": 1}]}]}
    ),
    "mailtrap": lambda: _reply({"success": True, "message_ids": ["t1"]}),
    "postal": lambda: _reply(
        {"status": "success", "data": {"messages": {TO: {"id": 1, "token": "t"}}}}
    ),
    "postmark": lambda: _reply(
        {"To": TO, "MessageID": "p1", "ErrorCode": 0, "Message": "OK"}
    ),
    "resend": lambda: _reply({"id": "r1"}),
    "scaleway": lambda: _reply(
        {"emails": [{"id": "s1", "mail_rcpt": TO, "status": "new"}]}
    ),
    "sendgrid": lambda: _reply(None, 202, {}),
    "sparkpost": lambda: _reply(
        {
            "results": {
                "id": "t1",
                "total_accepted_recipients": 1,
                "total_rejected_recipients": 0,
            }
        }
    ),
}
ENVIRONMENT = {
    "ANYMAIL_API_KEY": "key",
    "ANYMAIL_SECRET": "secret",
    "ANYMAIL_API_URL": "",
    "MAILGUN_SENDER_DOMAIN": "mg.example.org",
    "SCALEWAY_PROJECT_ID": "00000000-0000-0000-0000-000000000000",
    "AWS_REGION": "eu-west-1",
}


@pytest.fixture
def confirmation(mailing_list):
    subscriber = Subscriber.objects.create(email=TO)
    subscription = Subscription.objects.create(
        subscriber=subscriber, mailing_list=mailing_list
    )
    return build_email(subscription, "https://campaigns.example", "confirm")


def _configured(esp):
    environ = {**ENVIRONMENT, "ANYMAIL_ESP": esp}
    if esp == "postal":
        environ["ANYMAIL_API_URL"] = "https://postal.example.org"
    return override_settings(**email_settings(environ))


def _assert_rfc8058(sent_text):
    assert "List-Unsubscribe-Post" in sent_text
    assert "List-Unsubscribe=One-Click" in sent_text
    assert "https://campaigns.example/newsletter/unsubscribe/" in sent_text


def test_every_provider_is_tested():
    assert set(REPLIES) | {"amazon_ses"} == set(PROVIDERS)


@pytest.mark.parametrize("esp", sorted(REPLIES))
def test_the_provider_accepts_the_confirmation_email(esp, mailing_list):
    with _configured(esp):
        subscriber = Subscriber.objects.create(email=TO)
        subscription = Subscription.objects.create(
            subscriber=subscriber, mailing_list=mailing_list
        )
        message = build_email(subscription, "https://campaigns.example", "confirm")
        with mock.patch.object(
            requests.Session, "request", return_value=REPLIES[esp]()
        ) as request:
            assert message.send() == 1
    # A wrong credential name would have failed above: anymail's backends
    # refuse to start without the setting they read.
    sent = repr(request.call_args)
    _assert_rfc8058(sent.replace("\\n", "\n"))
    assert message.anymail_status.status <= {"queued", "sent", "unknown"}


def test_amazon_ses_accepts_the_confirmation_email(confirmation):
    client = mock.Mock()
    client.send_email.return_value = {"MessageId": "ses-1"}
    with (
        _configured("amazon_ses"),
        mock.patch("boto3.session.Session.client", return_value=client),
    ):
        assert confirmation.send() == 1
    raw = client.send_email.call_args.kwargs["Content"]["Raw"]["Data"]
    _assert_rfc8058(raw.decode())
