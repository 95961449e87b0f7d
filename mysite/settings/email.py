"""Outgoing email for production: SMTP by default, or a provider via anymail.

Imported by production.py. Every value comes from the environment:
- SMTP: EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS.
- A provider: ANYMAIL_ESP (a key of PROVIDERS), ANYMAIL_API_KEY (its main
  credential, under the setting name that provider reads), ANYMAIL_SECRET
  (its second credential where it has one), ANYMAIL_API_URL (regional or
  self-hosted API), ANYMAIL_WEBHOOK_SECRET ("user:password" for the bounce
  and complaint webhook at /anymail/<esp>/tracking/).

Tracking: supporters are never tracked. Where the provider takes a
per-message switch, every message turns open and click tracking off
(EMAIL_TRACKING_SWITCHES). Where it does not (anymail raises
AnymailUnsupportedFeature if asked), turn tracking off in the provider's
account: Amazon SES (no click/open events in the configuration set), Brevo
(Transactional > Settings > Tracking), Mailtrap, Postal (per server:
"Track opens/clicks" off), Resend (domain settings) and Scaleway.
"""

import os

# esp: (main credential setting, second credential setting, takes per-message
# tracking switches). Setting names as anymail 15 reads them.
PROVIDERS = {
    "amazon_ses": (None, None, False),  # boto3 reads AWS_ACCESS_KEY_ID etc.
    "brevo": ("BREVO_API_KEY", None, False),
    "mailersend": ("MAILERSEND_API_TOKEN", None, True),
    "mailgun": ("MAILGUN_API_KEY", None, True),
    "mailjet": ("MAILJET_API_KEY", "MAILJET_SECRET_KEY", True),
    "mailtrap": ("MAILTRAP_API_TOKEN", None, False),
    "postal": ("POSTAL_API_KEY", None, False),
    "postmark": ("POSTMARK_SERVER_TOKEN", None, True),
    "resend": ("RESEND_API_KEY", None, False),
    "scaleway": ("SCALEWAY_SECRET_KEY", None, False),
    "sendgrid": ("SENDGRID_API_KEY", None, True),
    "sparkpost": ("SPARKPOST_API_KEY", None, True),
}
# Further settings a provider needs, from the environment variable of the same name.
PROVIDER_EXTRAS = {
    "mailgun": ["MAILGUN_SENDER_DOMAIN"],
    "postal": ["POSTAL_WEBHOOK_KEY"],
    "scaleway": ["SCALEWAY_PROJECT_ID", "SCALEWAY_REGION"],
    "mailtrap": ["MAILTRAP_SANDBOX_ID"],
}


def email_settings(environ):
    """The Django email settings for this environment, as a dict."""
    found = {
        "EMAIL_BACKEND": environ.get(
            "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
        ),
        "EMAIL_HOST": environ.get("EMAIL_HOST", "localhost"),
        "EMAIL_PORT": int(environ.get("EMAIL_PORT", "587")),
        "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": environ.get("EMAIL_USE_TLS", "true") == "true",
        "EMAIL_TRACKING_SWITCHES": False,
    }
    esp = environ.get("ANYMAIL_ESP", "").strip().lower()
    if not esp:
        return found
    if esp not in PROVIDERS:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"ANYMAIL_ESP={esp!r} is not one of: {', '.join(sorted(PROVIDERS))}."
        )
    key_name, secret_name, switches = PROVIDERS[esp]
    anymail = {}
    if key_name:
        anymail[key_name] = environ.get("ANYMAIL_API_KEY", "")
    if secret_name:
        anymail[secret_name] = environ.get("ANYMAIL_SECRET", "")
    if environ.get("ANYMAIL_API_URL"):
        anymail[f"{esp.upper()}_API_URL"] = environ["ANYMAIL_API_URL"]
    for name in PROVIDER_EXTRAS.get(esp, []):
        if environ.get(name):
            anymail[name] = environ[name]
    if esp == "amazon_ses" and environ.get("AWS_REGION"):
        anymail["AMAZON_SES_CLIENT_PARAMS"] = {"region_name": environ["AWS_REGION"]}
    if environ.get("ANYMAIL_WEBHOOK_SECRET"):
        anymail["WEBHOOK_SECRET"] = environ["ANYMAIL_WEBHOOK_SECRET"]
    found.update(
        EMAIL_BACKEND=f"anymail.backends.{esp}.EmailBackend",
        ANYMAIL=anymail,
        EMAIL_TRACKING_SWITCHES=switches,
    )
    return found


def newsletter_send_settings(environ):
    """Rate and shape of newsletter sends (newsletter/sending/engine.py)."""
    return {
        # Messages a second at most; ask your provider or relay for its limit.
        "NEWSLETTER_SEND_RATE": float(environ.get("NEWSLETTER_SEND_RATE", "20")),
        "NEWSLETTER_SEND_BATCH": int(environ.get("NEWSLETTER_SEND_BATCH", "200")),
        # Images in issues, served from the site's own origin only.
        "NEWSLETTER_EMAIL_IMAGES": environ.get("NEWSLETTER_EMAIL_IMAGES") == "true",
        # Envelope sender for SMTP bounces, where the provider has no webhook.
        "NEWSLETTER_BOUNCE_ADDRESS": environ.get("NEWSLETTER_BOUNCE_ADDRESS", ""),
    }


_found = {**email_settings(os.environ), **newsletter_send_settings(os.environ)}
globals().update(_found)
# `from .email import *` brings the settings only.
__all__ = list(_found)
