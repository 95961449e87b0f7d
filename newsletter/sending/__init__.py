"""Sending newsletter issues to mailing lists, exactly once per subscriber.

The newsletter layer does not know page types: an issue is any Wagtail page
whose specific class has `newsletter_email_content()` (see `content.py`).
The page type editors write issues with lives in `campaigns` (it uses
campaign and resource blocks); this package sends it.

Flow: staff request a send (IssueSend, awaiting approval) -> a moderator or
newsletter manager approves it -> the task worker records one Delivery per
confirmed subscriber, then sends in batches, marking each row after its
message is accepted (engine.py). Bounces and complaints arrive through
anymail's tracking webhooks and become Suppression rows (webhooks.py).
"""
