"""Tracking switches on outgoing mail, as the configured provider accepts them.

Some django-anymail backends take per-message `track_opens`/`track_clicks`
(Mailgun, SendGrid, Postmark, Mailjet, MailerSend, SparkPost ...); others
raise AnymailUnsupportedFeature for them (Brevo, Amazon SES, Postal, Resend,
Scaleway, Mailtrap), and their tracking is turned off in the provider's
account instead (mysite/settings/email.py documents which). SMTP ignores them.
"""

from django.conf import settings


def switch_tracking_off(message):
    """Ask the provider not to track this message, where it can be asked."""
    if getattr(settings, "EMAIL_TRACKING_SWITCHES", False):
        message.track_opens = False
        message.track_clicks = False
    return message
