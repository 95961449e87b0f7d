"""Drafts nobody submitted, on the admin dashboard.

Why: Wagtail's autosave saves a draft revision (and, in the create view, a new
unpublished page) as soon as an editor types. An attempt abandoned halfway
left a draft no one asked for and no one saw. This panel lists, for everyone
who may edit them, the pages whose latest changes are neither published, nor
awaiting review, nor scheduled, newest first, so each is submitted, finished
or deleted on purpose. Nothing is deleted automatically: nothing is lost.
"""

from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

PANEL_LIMIT = 10


def unsubmitted_drafts(user):
    """Pages `user` may edit whose latest changes wait for nobody."""
    in_review = WorkflowState.objects.active().filter(
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
    )
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        editable.filter(has_unpublished_changes=True)
        .annotate(_in_review=Exists(in_review))
        .filter(_in_review=False)
        .annotate_approved_schedule()
        .filter(_approved_schedule=False)
        .exclude(depth=1)
        .select_related("latest_revision__user")
        .order_by("-latest_revision_created_at", "-pk")
    )


class UnsubmittedDraftsPanel(Component):
    """Dashboard panel: the drafts nobody submitted, published or scheduled."""

    name = "unsubmitted_drafts"
    template_name = "core/admin/unsubmitted_drafts.html"
    order = 230  # right after Wagtail's "awaiting your review"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        drafts = unsubmitted_drafts(parent_context["request"].user)
        context["drafts"] = list(drafts[:PANEL_LIMIT])
        context["more"] = max(drafts.count() - PANEL_LIMIT, 0)
        return context
