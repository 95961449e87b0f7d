"""Where an uploaded document is on its way to the public (a model of core)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string


class DocumentProcessing(models.Model):
    """Where an uploaded document is on its way to the public: metadata
    stripping runs in the task worker (core.document_tasks), and until it is
    done the document is served to editors only (core.wagtail_hooks)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="processing",
        verbose_name=_("document"),
    )
    # The stored file this record is about: a replaced file starts again.
    source_name = models.CharField(_("file"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("document processing")
        verbose_name_plural = _("document processing")

    def __str__(self):
        return f"{self.document_id}: {self.get_status_display()}"
