"""The sign-up POST and the pages its emails link to.

None of these views sets a cookie or reads the session, and none records the
client's IP address or user agent (see newsletter/abuse.py for the controls
against bots and forged posts; newsletter/export.py holds the admin export).
"""

import logging

from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page, Site

from newsletter.abuse import (
    is_cross_site,
    rate_limit_window,
    rate_limited,
    token_overused,
)
from newsletter.forms import FormToken, SignupForm
from newsletter.messages import render_message
from newsletter.models import (
    ConsentWording,
    ErasedAddress,
    MailingList,
    NewsletterSettings,
    Subscriber,
    Subscription,
    new_nonce,
)
from newsletter.signup import signup_form_context
from newsletter.tasks import send_signup_email
from newsletter.tokens import read_confirm_token, read_unsubscribe_token

logger = logging.getLogger(__name__)

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _consent_wording(request, token):
    """The wording the signer was shown (its hash is in the signed token)."""
    if token.consent_hash:
        wording = ConsentWording.objects.filter(sha256=token.consent_hash).first()
        if wording is not None:
            return wording
    # Not stored yet: the built-in wording is translated, and each language's
    # version is stored the first time a sign-up uses it.
    text = NewsletterSettings.for_request(request).get_consent_text()
    return ConsentWording.for_text(text)


def _form_page(request, message, form, mailing_list, token, raw_token, status):
    """The sign-up form again, on a page of its own, as the sender left it."""
    signup = signup_form_context(
        request,
        mailing_list=mailing_list,
        ask_first_name=token.ask_first_name,
        form=form,
        token=raw_token,
    )
    response = render_message(
        request, message, status=status, mailing_list=None, signup=signup, form=form
    )
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # Protected by is_cross_site() instead; see its docstring.
@require_http_methods(["POST"])
def subscribe(request):
    """Take a sign-up; answer the same way whatever the address's state."""
    if is_cross_site(request):
        return render_message(request, "cross_site", status=403)
    if rate_limited(request, "subscribe"):
        response = render_message(request, "too_many", status=429)
        response["Retry-After"] = str(rate_limit_window())
        return response
    if request.content_type not in FORM_CONTENT_TYPES:
        return render_message(request, "bad_request", status=400)

    raw_token = request.POST.get("token", "")
    token = FormToken.read(raw_token) if len(raw_token) <= 2000 else None
    if token is None:
        # Forged, damaged or older than the page cache could explain.
        return render_message(request, "bad_request", status=400)
    mailing_list = MailingList.objects.filter(
        pk=token.list_id, active=True, live=True
    ).first()
    if mailing_list is None:
        return render_message(request, "list_closed", status=400)

    form = SignupForm(request.POST, ask_first_name=token.ask_first_name)
    if not form.is_valid():
        # Errors depend only on what was typed, never on the address's state.
        return _form_page(
            request,
            "form_errors",
            form,
            mailing_list,
            token,
            raw_token,
            status=400,
        )

    check_inbox = reverse("newsletter:check_inbox")
    if form.cleaned_data["website"]:
        # A bot that filled the hidden field: it gets what a person gets,
        # and nothing is stored.
        return _see_other(check_inbox)
    if token.too_fast or token_overused(raw_token):
        # Perhaps a bot, perhaps a quick person on a page made a moment ago,
        # or one of many on a cached page: never "check your inbox" without
        # storing; ask for one more press, with a fresh token.
        return _press_again(request, form, mailing_list, token)

    _record_signup(request, form.cleaned_data, mailing_list, token)
    return _see_other(check_inbox)


def _press_again(request, form, mailing_list, token):
    renewed = token.renewed()
    typed = {name: form.cleaned_data.get(name, "") for name in ("email", "first_name")}
    fresh_form = SignupForm(
        initial={**typed, "token": renewed}, ask_first_name=token.ask_first_name
    )
    return _form_page(
        request,
        "press_again",
        fresh_form,
        mailing_list,
        token,
        renewed,
        status=200,
    )


def _record_signup(request, data, mailing_list, token):
    """Upsert the subscriber and subscription, then queue the email.

    The same queries run for a new, pending, confirmed or unsubscribed
    address (only the rows they touch differ), so neither the response nor
    its timing tells them apart; the task decides what to send.
    """
    now = timezone.now()
    source_page = (
        Page.objects.filter(pk=token.page_id).first() if token.page_id else None
    )
    evidence = {
        "consent_wording": _consent_wording(request, token),
        "source_page": source_page,
        "source_url": (source_page.get_url(request) or "")[:255] if source_page else "",
        # The form posts to its own language's address (/fr/newsletter/...),
        # so the active language is the one its consent wording was shown in.
        "consent_language": translation.get_language() or "",
        "consented_at": now,
    }
    first_name = data.get("first_name", "")
    # INSERT ... ON CONFLICT DO NOTHING, then read: the unique constraint on
    # the normalised address makes concurrent identical sign-ups one row,
    # without an error, and an existing address costs the same as a new one.
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=data["email"],
                first_name=first_name,
                language=translation.get_language() or "",
                created_at=now,
            )
        ],
        ignore_conflicts=True,
    )
    subscriber = Subscriber.objects.get(email=data["email"])
    if first_name:
        # Nobody may rename a supporter who has confirmed: a forged sign-up
        # must not change what their emails say.
        Subscriber.objects.filter(pk=subscriber.pk).exclude(
            subscriptions__state=Subscription.State.CONFIRMED
        ).update(first_name=first_name)
    Subscription.objects.bulk_create(
        [Subscription(subscriber=subscriber, mailing_list=mailing_list, **evidence)],
        ignore_conflicts=True,
    )
    subscriptions = Subscription.objects.filter(
        subscriber=subscriber, mailing_list=mailing_list
    )
    # A new consent replaces an unconfirmed or withdrawn one; a confirmed
    # subscription keeps the evidence it was confirmed with.
    subscriptions.filter(~Q(state=Subscription.State.CONFIRMED)).update(
        state=Subscription.State.PENDING, confirmed_at=None, **evidence
    )
    site = Site.find_for_request(request)
    send_signup_email.enqueue(
        subscription_id=subscriptions.values_list("pk", flat=True).get(),
        origin=f"{request.scheme}://{request.get_host()}",
        site_id=site.pk if site else None,
    )


@require_GET
def check_inbox(request):
    """The one page every sign-up ends on: 'check your inbox'."""
    response = render_message(request, "check_inbox")
    patch_cache_control(response, public=True, max_age=300)
    return response


def _private(response):
    # Token pages: never cached, and the token never leaks in a Referer.
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@csrf_exempt  # The signed, single-use token in the URL is the proof.
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a Confirm button (scanners follow links); POST confirms."""
    parsed = read_confirm_token(token)
    subscription = None
    if parsed is not None:
        key, nonce = parsed
        subscription = (
            Subscription.objects.select_related("mailing_list")
            .filter(key=key, confirm_nonce=nonce, state=Subscription.State.PENDING)
            .first()
        )
    if subscription is None:
        return _private(render_message(request, "link_invalid", status=400))
    context = {"mailing_list": subscription.mailing_list.localized}
    if request.method == "GET":
        return _private(render_message(request, "confirm", **context))
    confirmed = Subscription.objects.filter(
        pk=subscription.pk, confirm_nonce=nonce, state=Subscription.State.PENDING
    ).update(
        state=Subscription.State.CONFIRMED,
        confirmed_at=timezone.now(),
        confirm_nonce=new_nonce(),
    )
    if not confirmed:  # used by a concurrent request a moment ago
        return _private(render_message(request, "link_invalid", status=400))
    # Consent given again: an earlier erasure no longer stands in the way.
    for address in Subscriber.objects.filter(pk=subscription.subscriber_id).values_list(
        "email", flat=True
    ):
        ErasedAddress.forget(address)
    return _private(render_message(request, "confirmed", **context))


@never_cache
@csrf_exempt  # RFC 8058: mail providers POST without cookies; the token is the proof.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows an Unsubscribe button; POST (or RFC 8058 one-click) leaves."""
    key = read_unsubscribe_token(token)
    if key is None:
        return _private(render_message(request, "link_damaged", status=400))
    subscription = (
        Subscription.objects.select_related("mailing_list").filter(key=key).first()
    )
    context = {
        "mailing_list": subscription.mailing_list.localized if subscription else None
    }
    if request.method == "GET":
        if (
            subscription is None
            or subscription.state == Subscription.State.UNSUBSCRIBED
        ):
            return _private(render_message(request, "unsubscribed", **context))
        return _private(render_message(request, "unsubscribe", **context))
    if subscription is not None:
        Subscription.objects.filter(pk=subscription.pk).exclude(
            state=Subscription.State.UNSUBSCRIBED
        ).update(
            state=Subscription.State.UNSUBSCRIBED,
            unsubscribed_at=timezone.now(),
            confirm_nonce=new_nonce(),
        )
    # The same answer if already unsubscribed or erased: they are off the list.
    return _private(render_message(request, "unsubscribed", **context))
