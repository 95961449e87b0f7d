"""Admin views of newsletter sends: request, approve, follow, test.

Staff request a send of an issue to a list; someone else with the approve
right (moderators, newsletter managers) approves it, once the issue itself is
published through the moderation workflow. The progress page names
addresses only to those who may see subscribers; others see delivery ids.
"""

from django import forms
from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from newsletter.models import MailingList
from newsletter.sending import tasks
from newsletter.sending.messages import is_issue
from newsletter.sending.models import Delivery, IssueSend

VIEW, ADD, APPROVE = (
    "newsletter.view_issuesend",
    "newsletter.add_issuesend",
    "newsletter.approve_issuesend",
)
SEE_ADDRESSES = "newsletter.view_subscriber"
LOG_LIMIT = 200


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _issue_or_404(page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_issue(page):
        raise Http404
    return page


class SendRequestForm(forms.Form):
    """Which list gets the issue, and when."""

    mailing_list = forms.ModelChoiceField(
        label=_("Mailing list"),
        queryset=MailingList.objects.filter(active=True),
        help_text=_("Its confirmed subscribers receive the issue in their language."),
    )
    scheduled_at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Leave empty to send as soon as the send is approved."),
    )


def request_send(request, page_id):
    """Ask for an issue to be sent to a list (it then awaits approval)."""
    _require(request, ADD)
    page = _issue_or_404(page_id)
    form = SendRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        send = IssueSend.objects.create(
            issue=page,
            mailing_list=form.cleaned_data["mailing_list"].canonical(),
            scheduled_at=form.cleaned_data["scheduled_at"],
            requested_by=request.user,
        )
        flash.success(request, _t("The send awaits approval."))
        return redirect("newsletter_send", send.pk)
    return TemplateResponse(
        request,
        "newsletter/admin/send_request.html",
        {"page_title": _t("Send “%s”") % page.title, "page": page, "form": form},
    )


def send_index(request):
    """Every send, newest first, with its progress."""
    _require(request, VIEW)
    sends = IssueSend.objects.select_related("issue", "mailing_list")[:100]
    return TemplateResponse(
        request,
        "newsletter/admin/send_index.html",
        {"page_title": _t("Newsletter sends"), "sends": sends},
    )


def progress(send):
    """Counts, rate and an estimated time left, from the delivery rows."""
    counts = send.counts()
    done = counts["sent"] + counts["handed"] + counts["skipped"] + counts["failed"]
    left = counts["pending"] + counts["sending"]
    rate = eta = None
    if send.started_at and counts["sent"]:
        end = send.finished_at or timezone.now()
        seconds = max((end - send.started_at).total_seconds(), 1)
        rate = counts["sent"] / seconds
        eta = timezone.now() + timezone.timedelta(seconds=left / rate) if left else None
    return {"counts": counts, "done": done, "left": left, "rate": rate, "eta": eta}


def send_detail(request, send_id):
    """One send: its state, counts, estimated end, and the log of problems."""
    _require(request, VIEW)
    send = get_object_or_404(
        IssueSend.objects.select_related("issue", "mailing_list", "requested_by"),
        pk=send_id,
    )
    log = (
        send.deliveries.filter(
            state__in=[Delivery.State.FAILED, Delivery.State.SKIPPED]
        ).select_related("subscriber")
        if request.user.has_perm(SEE_ADDRESSES)
        else send.deliveries.filter(
            state__in=[Delivery.State.FAILED, Delivery.State.SKIPPED]
        ).only("pk", "state", "error", "attempts")
    )
    return TemplateResponse(
        request,
        "newsletter/admin/send_detail.html",
        {
            "page_title": str(send),
            "send": send,
            "progress": progress(send),
            "log": log.order_by("pk")[:LOG_LIMIT],
            "show_addresses": request.user.has_perm(SEE_ADDRESSES),
            "can_approve": _may_approve(request.user, send),
        },
    )


def _may_approve(user, send):
    """Someone with the right, and not the requester (unless a superuser)."""
    return (
        send.state == IssueSend.State.AWAITING_APPROVAL
        and user.has_perm(APPROVE)
        and (user.is_superuser or send.requested_by_id != user.pk)
    )


@require_POST
def approve_send(request, send_id):
    """Approve a requested send: the worker sends it now or at its time."""
    send = get_object_or_404(IssueSend.objects.select_related("issue"), pk=send_id)
    if not _may_approve(request.user, send):
        raise PermissionDenied
    if not send.issue.live:
        flash.error(
            request, _t("Publish the issue first: readers get the live version.")
        )
        return redirect("newsletter_send", send.pk)
    approved = IssueSend.objects.filter(
        pk=send.pk, state=IssueSend.State.AWAITING_APPROVAL
    ).update(
        state=IssueSend.State.QUEUED,
        approved_by=request.user,
        origin=send.issue.get_site().root_url,
    )
    if approved:
        send.refresh_from_db()
        tasks.queue_send(send)
        flash.success(request, _t("Approved: the send is queued."))
    return redirect("newsletter_send", send.pk)


@require_POST
def cancel_send(request, send_id):
    """Stop a send that has not started (or stop sending the rest)."""
    _require(request, APPROVE)
    IssueSend.objects.filter(
        pk=send_id,
        state__in=[
            IssueSend.State.AWAITING_APPROVAL,
            IssueSend.State.QUEUED,
            IssueSend.State.SENDING,
        ],
    ).update(state=IssueSend.State.CANCELLED, finished_at=timezone.now())
    return redirect("newsletter_send", send_id)


@require_POST
def send_test(request, page_id):
    """Send the issue to the staff member's own address."""
    _require(request, ADD)
    page = _issue_or_404(page_id)
    if not request.user.email:
        flash.error(request, _t("Add an email address to your account first."))
    else:
        tasks.send_test_issue.enqueue(
            page.pk, request.user.email, request.build_absolute_uri("/")
        )
        flash.success(request, _t("A test is on its way to your own address."))
    return redirect("wagtailadmin_pages:edit", page.pk)
