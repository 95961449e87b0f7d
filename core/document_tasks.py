"""Stripping uploaded PDFs in the task worker, on the `documents` queue.

The upload answers at once; the document stays private (served to editors
only, see core.wagtail_hooks) until its metadata is stripped. The stripping
runs in a limited subprocess (core.sandbox), so an enormous or hostile PDF
ends as "failed, with a reason" instead of holding the worker, and the
confirmation emails on the `default` queue are never behind it.
"""

import io
import logging

import django.dispatch
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from core.sandbox import SandboxFailed, run_limited

logger = logging.getLogger(__name__)

DOCUMENTS_QUEUE = "documents"
# Sent when a document's stored file is final (stripped): readers of its
# content (resources' PDF text) start from the clean file.
document_processed = django.dispatch.Signal()

REASONS = {
    "password": _("the PDF needs a password, so it could not be cleaned."),
    "damaged": _("the file is damaged or is not a valid PDF; upload a repaired copy."),
    "timeout": _("the PDF took too long to process; split it or reduce its size."),
    "memory": _("the PDF needs too much memory to process; split it."),
    "crashed": _("the PDF could not be processed."),
    "missing": _("the file could not be opened."),
}


def limits():
    """Time (seconds) and memory (bytes) one document may take to process."""
    return {
        "seconds": settings.DOCUMENT_PROCESSING_SECONDS,
        "memory_bytes": settings.DOCUMENT_PROCESSING_MEMORY_MB * 1024 * 1024,
    }


def request_processing(document):
    """Mark the document private and queue stripping its new file."""
    from core.models import DocumentProcessing

    DocumentProcessing.objects.update_or_create(
        document=document,
        defaults={
            "source_name": document.file.name,
            "status": DocumentProcessing.Status.PENDING,
            "reason": "",
        },
    )
    strip_document_metadata.enqueue(document.pk)


def _store_cleaned(document, cleaned):
    """Replace the stored file by `cleaned`, under the same name if possible.

    Written straight to storage and the row updated without `save()`, so
    the upload signals do not see a "new" file and start again.
    """
    storage = document.file.storage
    name = document.file.name
    storage.delete(name)
    stored_name = storage.save(name, ContentFile(cleaned))
    get_document_model().objects.filter(pk=document.pk).update(
        file=stored_name,
        file_size=len(cleaned),
        file_hash=hash_filelike(io.BytesIO(cleaned)),
    )
    document.refresh_from_db()


def _fail(record, reason):
    logger.warning("Document %s not processed: %s", record.document_id, reason)
    record.status = record.Status.FAILED
    record.reason = str(REASONS[reason])
    record.save(update_fields=["status", "reason", "updated_at"])
    return record.status


@task(queue_name=DOCUMENTS_QUEUE)
def strip_document_metadata(document_id):
    """Strip a PDF's metadata in a limited subprocess; record the outcome."""
    from core.models import DocumentProcessing

    record = (
        DocumentProcessing.objects.select_related("document")
        .filter(document_id=document_id)
        .first()
    )
    if record is None:
        return "missing"
    document = record.document
    if record.source_name != document.file.name:
        return "stale"  # a newer file was uploaded and queued on its own
    try:
        with document.open_file() as f:
            data = f.read()
    except OSError:
        return _fail(record, "missing")
    try:
        result, cleaned = run_limited("core.pdf_metadata:strip_job", data, **limits())
    except SandboxFailed as error:
        return _fail(record, error.reason)
    if result["outcome"] != "done":
        return _fail(record, result["reason"])
    _store_cleaned(document, cleaned)
    record.source_name = document.file.name
    record.status = DocumentProcessing.Status.DONE
    record.reason = ""
    record.save()
    document_processed.send(sender=type(document), instance=document)
    return record.status
