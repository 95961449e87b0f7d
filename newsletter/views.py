"""The sign-up POST, the pages its emails link to, and the admin CSV export.

None of these views sets a cookie or reads the session, and none records the
client's IP address or user agent (the rate limit keeps a keyed hash of the
address in the cache only, for a few minutes).
"""

import csv
import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page, Site

from newsletter.forms import FormToken, SignupForm, signup_form_context
from newsletter.models import (
    ConsentWording,
    ErasedAddress,
    MailingList,
    NewsletterSettings,
    Subscriber,
    Subscription,
    email_key,
    new_nonce,
)
from newsletter.tasks import send_signup_email
from newsletter.tokens import read_confirm_token, read_unsubscribe_token

logger = logging.getLogger(__name__)

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def client_address(request):
    """The client's address, from the trusted proxy's header when behind one."""
    header = getattr(settings, "NEWSLETTER_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        # The rightmost entries were added by our own proxies; anything to
        # their left came from the client and could be forged.
        hops = [part.strip() for part in request.META[header].split(",")]
        proxies = max(1, getattr(settings, "NEWSLETTER_TRUSTED_PROXY_COUNT", 1))
        return hops[-proxies] if len(hops) >= proxies else hops[0]
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, bucket):
    """True once a client has posted more than the limit in the window.

    The counter's key is an HMAC of the client address and the current time
    window, held ONLY in the cache (Redis in production) and expiring with the
    window: the address itself is never stored, in the database, the cache or
    the logs, and a key cannot be linked to the next window's.
    """
    limit, window = getattr(settings, "NEWSLETTER_RATE_LIMIT", (10, 600))
    slot = int(time.time() // window)
    secret = ("newsletter.ratelimit:" + settings.SECRET_KEY).encode()
    digest = hmac.new(
        secret, f"{bucket}|{slot}|{client_address(request)}".encode(), hashlib.sha256
    ).hexdigest()[:40]
    key = f"newsletter:rl:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def is_cross_site(request):
    """True if the browser says this POST comes from another site.

    The sign-up form is on cached, cookie-free pages, so it cannot carry
    Django's CSRF token (that needs a cookie). Browsers label every request
    with `Sec-Fetch-Site` and send `Origin` on POSTs: refusing anything not
    from our own origin stops forged cross-site posts from real browsers.
    A client that sends neither header is not a browser another site could
    drive, and the worst a forged sign-up can do is send one confirmation
    email, which the rate limits bound.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("Origin")
    if origin:
        own = f"{request.scheme}://{request.get_host()}"
        trusted = set(getattr(settings, "CSRF_TRUSTED_ORIGINS", []))
        if origin != own and origin not in trusted:
            return True
    return False


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


def _form_page(request, context, status):
    return render(request, "newsletter/signup_form_page.html", context, status=status)


@csrf_exempt  # Protected by is_cross_site() instead; see its docstring.
@require_http_methods(["POST"])
def subscribe(request):
    """Take a sign-up; answer the same way whatever the address's state."""
    if is_cross_site(request):
        return render(request, "newsletter/cross_site.html", status=403)
    if rate_limited(request, "subscribe"):
        response = render(request, "newsletter/too_many.html", status=429)
        response["Retry-After"] = str(
            getattr(settings, "NEWSLETTER_RATE_LIMIT", (10, 600))[1]
        )
        return response
    if request.content_type not in FORM_CONTENT_TYPES:
        return render(request, "newsletter/bad_request.html", status=400)

    raw_token = request.POST.get("token", "")
    token = FormToken.read(raw_token) if len(raw_token) <= 2000 else None
    if token is None:
        # Forged, damaged or older than the page cache could explain.
        return render(request, "newsletter/bad_request.html", status=400)
    mailing_list = MailingList.objects.filter(
        pk=token.list_id, active=True, live=True
    ).first()
    if mailing_list is None:
        return render(request, "newsletter/list_closed.html", status=400)

    form = SignupForm(request.POST, ask_first_name=token.ask_first_name)
    if not form.is_valid():
        # Errors depend only on what was typed, never on the address's state.
        signup = signup_form_context(
            request,
            mailing_list=mailing_list,
            ask_first_name=token.ask_first_name,
            form=form,
            token=raw_token,
        )
        return _form_page(request, {"signup": signup, "form": form}, status=400)

    check_inbox = reverse("newsletter:check_inbox")
    if form.cleaned_data["website"] or token.too_fast:
        # A bot: it gets exactly what a person gets, and nothing is stored.
        return _see_other(check_inbox)

    _record_signup(request, form.cleaned_data, mailing_list, token)
    return _see_other(check_inbox)


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
    response = render(request, "newsletter/check_inbox.html")
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
        return _private(render(request, "newsletter/link_invalid.html", status=400))
    context = {"mailing_list": subscription.mailing_list.localized, "token": token}
    if request.method == "GET":
        return _private(render(request, "newsletter/confirm.html", context))
    confirmed = Subscription.objects.filter(
        pk=subscription.pk, confirm_nonce=nonce, state=Subscription.State.PENDING
    ).update(
        state=Subscription.State.CONFIRMED,
        confirmed_at=timezone.now(),
        confirm_nonce=new_nonce(),
    )
    if not confirmed:  # used by a concurrent request a moment ago
        return _private(render(request, "newsletter/link_invalid.html", status=400))
    # Consent given again: an earlier erasure no longer stands in the way.
    for address in Subscriber.objects.filter(pk=subscription.subscriber_id).values_list(
        "email", flat=True
    ):
        ErasedAddress.objects.filter(key=email_key(address)).delete()
    return _private(render(request, "newsletter/confirmed.html", context))


@never_cache
@csrf_exempt  # RFC 8058: mail providers POST without cookies; the token is the proof.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows an Unsubscribe button; POST (or RFC 8058 one-click) leaves."""
    key = read_unsubscribe_token(token)
    if key is None:
        return _private(render(request, "newsletter/link_damaged.html", status=400))
    subscription = (
        Subscription.objects.select_related("mailing_list").filter(key=key).first()
    )
    context = {
        "mailing_list": subscription.mailing_list.localized if subscription else None,
        "token": token,
    }
    if request.method == "GET":
        if (
            subscription is None
            or subscription.state == Subscription.State.UNSUBSCRIBED
        ):
            return _private(render(request, "newsletter/unsubscribed.html", context))
        return _private(render(request, "newsletter/unsubscribe.html", context))
    if subscription is not None:
        Subscription.objects.filter(pk=subscription.pk).exclude(
            state=Subscription.State.UNSUBSCRIBED
        ).update(
            state=Subscription.State.UNSUBSCRIBED,
            unsubscribed_at=timezone.now(),
            confirm_nonce=new_nonce(),
        )
    # The same answer if already unsubscribed or erased: they are off the list.
    return _private(render(request, "newsletter/unsubscribed.html", context))


# The admin's subscriber export (registered by wagtail_hooks under /admin/).

# A spreadsheet runs a cell that starts with one of these as a formula
# (CSV injection); a leading apostrophe makes it plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HEADER = [
    "email",
    "first_name",
    "list",
    "state",
    "consent_given",
    "confirmed",
    "unsubscribed",
    "source_url",
    "consent_wording_sha256",
]


def csv_safe(value):
    """The value as text a spreadsheet shows but never evaluates."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Echo:
    def write(self, value):
        return value


def subscription_rows(queryset):
    yield HEADER
    for sub in queryset.iterator(chunk_size=500):
        yield [
            sub.subscriber.email,
            sub.subscriber.first_name,
            sub.mailing_list.name,
            sub.state,
            sub.consented_at,
            sub.confirmed_at,
            sub.unsubscribed_at,
            sub.source_url,
            sub.consent_wording.sha256 if sub.consent_wording else "",
        ]


def export_subscribers(request):
    """One row per subscription, filtered like the listing (list, state, search)."""
    if not request.user.has_perm("newsletter.export_subscriber"):
        raise PermissionDenied
    queryset = Subscription.objects.select_related(
        "subscriber", "mailing_list", "consent_wording"
    ).order_by("subscriber__email", "mailing_list__name")
    list_id = request.GET.get("mailing_list", "")
    if list_id.isdigit():
        queryset = queryset.filter(
            mailing_list__in=MailingList.objects.filter(pk=int(list_id))
        )
    state = request.GET.get("state", "")
    if state in Subscription.State.values:
        queryset = queryset.filter(state=state)
    search = request.GET.get("q", "").strip()
    if search:
        queryset = queryset.filter(subscriber__email__icontains=search[:254])

    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (
            writer.writerow([csv_safe(cell) for cell in row])
            for row in subscription_rows(queryset)
        ),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="subscribers-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response
