"""Signal handlers: read a PDF's text, and draw its cover, when a resource
gets it or its file changes."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from core.document_tasks import document_processed as file_is_final
from resources.models import DocumentCover, PdfText, ResourcePage
from resources.tasks import request_cover, request_pdf_text


def resource_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.document_id:
        request_pdf_text(instance.document)
        # Only a resource without the editor's own cover needs one drawn.
        if not instance.cover_image_id:
            request_cover(instance.document)


def _redo_for(document):
    # A replaced file is read (and drawn) again, but only for documents
    # already in use by a resource (other documents are not papers).
    if PdfText.objects.filter(document=document).exists():
        request_pdf_text(document)
    if DocumentCover.objects.filter(document=document).exists():
        request_cover(document)


def document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _redo_for(instance)


def document_processed(sender, instance, **kwargs):
    # Its metadata stripped, the file is final (and may be shown).
    _redo_for(instance)


def connect():
    post_save.connect(resource_saved, sender=ResourcePage)
    post_save.connect(document_saved, sender=get_document_model())
    file_is_final.connect(
        document_processed, dispatch_uid="resources.document_processed"
    )
