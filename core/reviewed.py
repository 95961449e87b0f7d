"""Snippets readers see, reviewed like pages (key figures, mailing lists)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)


class ReviewedSnippetMixin(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    models.Model,
):
    """A snippet readers see, reviewed like a page: drafts, revisions, locking,
    scheduled publishing, the moderation workflow (core/roles.py) and a preview.

    Readers see the row as last published; an edit waits in a revision until
    a moderator publishes it. A subclass names the block that shows it to
    readers (`preview_block`), so its preview looks as it will on a page.
    """

    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s"
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def get_preview_block_value(self):
        """(block, value) that shows this snippet to readers."""
        raise NotImplementedError

    def get_preview_template(self, request, mode_name):
        return "wagtailcore/shared/block_preview.html"

    def get_preview_context(self, request, mode_name):
        block, value = self.get_preview_block_value()
        return {
            **super().get_preview_context(request, mode_name),
            "page_title": str(self),
            "block_def": block,
            "bound_block": block.bind(value),
        }
