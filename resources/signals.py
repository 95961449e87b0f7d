"""Signal handlers: read a PDF's text when a resource gets it or its file changes."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from core.document_tasks import document_processed as file_is_final
from resources.models import PdfText, ResourcePage
from resources.tasks import request_pdf_text


def resource_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.document_id:
        request_pdf_text(instance.document)


def document_saved(sender, instance, raw=False, **kwargs):
    # A replaced file is read again, but only for documents already in use
    # by a resource (other documents are not indexed as papers).
    if not raw and PdfText.objects.filter(document=instance).exists():
        request_pdf_text(instance)


def document_processed(sender, instance, **kwargs):
    # Its metadata stripped, the file is final: read it again if in use.
    if PdfText.objects.filter(document=instance).exists():
        request_pdf_text(instance)


def connect():
    post_save.connect(resource_saved, sender=ResourcePage)
    post_save.connect(document_saved, sender=get_document_model())
    file_is_final.connect(
        document_processed, dispatch_uid="resources.document_processed"
    )
