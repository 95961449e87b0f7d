"""Background work of the resources app: reading the text out of PDFs, on
the `documents` queue (slow work, kept apart from the confirmation emails)."""

import logging

from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.search.index import insert_or_update_object

from core.document_tasks import DOCUMENTS_QUEUE

logger = logging.getLogger(__name__)


@task(queue_name=DOCUMENTS_QUEUE)
def extract_pdf_text(document_id):
    """Read a document's PDF text, store it, and re-index the pages that use it."""
    from resources.models import PdfText, ResourcePage
    from resources.pdf import Extraction, extract_text

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    if document.file_extension.lower() != "pdf":
        result = Extraction(
            "skipped", message=_("only the text of PDF files is indexed.")
        )
    else:
        try:
            size = document.file.size
            with document.file.open("rb") as file:
                result = extract_text(file, size)
        except OSError:
            logger.warning("PDF file missing for document %s", document_id)
            result = Extraction("failed", message=_("the file could not be opened."))
    PdfText.objects.update_or_create(
        document=document,
        defaults={
            "source_name": document.file.name,
            "status": result.status,
            "message": result.message,
            "text": result.text,
            "page_count": result.page_count,
        },
    )
    # Only the search index changes: no new revision, no re-publishing.
    for page in ResourcePage.objects.filter(document=document):
        insert_or_update_object(page)
    return result.status


def request_pdf_text(document):
    """Queue reading the document's text, unless this very file was read already."""
    from resources.models import PdfText

    if document is None:
        return
    record = PdfText.objects.filter(document=document).first()
    if record and record.source_name == document.file.name:
        return
    PdfText.objects.update_or_create(
        document=document,
        defaults={
            "source_name": document.file.name,
            "status": PdfText.Status.PENDING,
            "message": "",
            "text": "",
            "page_count": 0,
        },
    )
    extract_pdf_text.enqueue(document.pk)
