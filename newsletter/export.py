"""The admin's subscriber export: one CSV row per subscription.

Registered by wagtail_hooks under /admin/; only Newsletter managers (and
superusers) hold the permission it checks.
"""

import csv

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.utils import timezone

from newsletter.models import MailingList, Subscription

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
