"""One write at a time per page or snippet in the admin, on fresh data.

Why: Wagtail's edit and workflow-action views read the object when the request
arrives and write it back later. Two "Approve and publish" requests that
overlap (a double click, a retried request, an autosave beside the click) both
passed the "is it still awaiting review?" check; the second then saved its
stale copy of the page (``live=False``) over the one the first had just
published, and failed with ``'NoneType' object has no attribute 'on_action'``.
The page ended offline while the author was told it was approved.

Contract: every POST to an edit, revert or workflow-action view of a page or a
snippet runs in one transaction that first locks the object's row
(``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the transaction itself is
``BEGIN IMMEDIATE``, see the database settings), so the next request waits and
then reads what the first wrote. A workflow action on a review that is no
longer in progress is refused with a message and changes nothing.

Creating a page: Wagtail's autosave posts the "add page" form in the
background, and the first autosave creates the page. A click on "Save
draft", "Submit" or "Publish" while that autosave is in flight posted the same
form to "add" again: two creations of one page, the second a 500 (its slug
taken). So POSTs to "add" run one at a time per parent (its row locked), and
one that would create the page the same user's request created seconds ago,
under the same parent with the same slug and never published, is handed to
that page's edit view instead: the click acts on the page the autosave made.

`guard_admin_urls` decorates Wagtail's own URL patterns (mysite/urls.py calls
it once); no Wagtail function is replaced.
"""

import functools
from datetime import timedelta

from django.contrib.admin.utils import unquote
from django.db import transaction
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.models import Page, TaskState, WorkflowMixin

# URL names (inside the pages' or a snippet's namespace) of views that write.
GUARDED_URL_NAMES = {"edit", "revisions_revert", "workflow_action"}
GUARDED_MARK = "_moderation_guarded"
# How recent a page must be to count as the twin a racing autosave created:
# the autosave interval (mysite/settings/base.py) and a slow request.
TWIN_WINDOW = timedelta(seconds=30)


def _is_guarded_namespace(namespace):
    return namespace == "wagtailadmin_pages" or namespace.startswith("wagtailsnippets_")


def _lock(model, pk):
    """The object's row, locked until the transaction ends (None if gone)."""
    return model.objects.select_for_update().filter(pk=pk).first()


def _review_is_over(request, obj, kwargs):
    """True when the request acts on a review that has ended in the meantime."""
    task_state_id = kwargs.get("task_state_id")
    if task_state_id is not None:
        return not TaskState.objects.filter(
            pk=task_state_id, status=TaskState.STATUS_IN_PROGRESS
        ).exists()
    if request.POST.get("action-workflow-action"):
        return not (isinstance(obj, WorkflowMixin) and obj.workflow_in_progress)
    return False


def _refuse(request, obj):
    """Say why nothing happened, and show the object as it now stands."""
    state = _("live") if getattr(obj, "live", True) else _("not live")
    messages.error(
        request,
        _(
            "Nothing was done: “%(title)s” is no longer awaiting this review "
            "(someone, or another window, approved, rejected or withdrew it "
            "first). It is now %(state)s."
        )
        % {"title": obj, "state": state},
    )
    url = AdminURLFinder(request.user).get_edit_url(obj) or "/admin/"
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return render_modal_workflow(
            request, "", None, {}, json_data={"step": "success", "redirect": url}
        )
    return redirect(url)


def serialise_writes(view, model):
    """Run the view's POSTs one at a time per object, refusing ended reviews."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method != "POST" or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        pk = kwargs.get("page_id", kwargs.get("pk"))
        with transaction.atomic():
            obj = _lock(model, unquote(str(pk)))
            if obj is not None:
                if model is Page:
                    obj = obj.specific
                if _review_is_over(request, obj, kwargs):
                    return _refuse(request, obj)
            return view(request, *args, **kwargs)

    setattr(guarded, GUARDED_MARK, True)
    return guarded


def _twin_of(request, parent, kwargs):
    """The page this "add" POST would create again: made by the same user
    under `parent` moments ago, with the posted slug, and never published."""
    slug = request.POST.get("slug", "").strip()
    if not slug:
        return None
    return (
        parent.get_children()
        .filter(
            slug=slug,
            owner=request.user,
            live=False,
            first_published_at__isnull=True,
            content_type__app_label=kwargs.get("content_type_app_name"),
            content_type__model=kwargs.get("content_type_model_name"),
            latest_revision_created_at__gte=timezone.now() - TWIN_WINDOW,
        )
        .first()
    )


def serialise_creates(view):
    """Run "add page" POSTs one at a time per parent; one that repeats a
    creation that just happened edits the page it created (see the module)."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method != "POST" or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            parent = _lock(Page, kwargs.get("parent_page_id"))
            twin = _twin_of(request, parent, kwargs) if parent else None
            if twin is None:
                return view(request, *args, **kwargs)
            edit = resolve(reverse("wagtailadmin_pages:edit", args=(twin.pk,)))
            return edit.func(request, *edit.args, **edit.kwargs)

    setattr(guarded, GUARDED_MARK, True)
    return guarded


def guard_admin_urls(urlpatterns, namespace=""):
    """Wrap the writing views of pages and snippets in `serialise_writes`."""
    for pattern in urlpatterns:
        if isinstance(pattern, URLResolver):
            guard_admin_urls(pattern.url_patterns, pattern.namespace or namespace)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name in GUARDED_URL_NAMES
            and _is_guarded_namespace(namespace)
            and not getattr(pattern.callback, GUARDED_MARK, False)
        ):
            initkwargs = getattr(pattern.callback, "view_initkwargs", {}) or {}
            model = initkwargs.get("model") or Page
            pattern.callback = serialise_writes(pattern.callback, model)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name == "add"
            and namespace == "wagtailadmin_pages"
            and not getattr(pattern.callback, GUARDED_MARK, False)
        ):
            pattern.callback = serialise_creates(pattern.callback)
    return urlpatterns


def review_first(menu_items):
    """Put "Approve and publish" first in the action menu of an object under
    review, and drop the plain "Publish" that would bypass the review.

    Why: a moderator was offered both side by side, with "Save draft" as the
    default; the review path must be the obvious one. Wagtail shows the
    approve item only to users the current task lets approve.
    """
    names = [item.name for item in menu_items]
    if "approve" not in names:
        return
    # The first "approve" approves at once; "Approve with comment" stays.
    approve = menu_items[names.index("approve")]
    menu_items[:] = [approve] + [
        item
        for item in menu_items
        if item is not approve and item.name != "action-publish"
    ]
