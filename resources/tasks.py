"""Background work of the resources app: reading the text out of PDFs and
drawing their first page as a cover, on the `documents` queue (slow work,
kept apart from the confirmation emails)."""

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


COVERS_COLLECTION = "Document covers"


def _cover_source(document):
    # A file replaced under the same name (stripping keeps it) has a new hash.
    return f"{document.file.name}#{document.file_hash}"


def _covers_collection():
    """The collection the generated covers are kept in, apart from editors'."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COVERS_COLLECTION).first()
    return existing or root.add_child(name=COVERS_COLLECTION)


def _forget_generated(image):
    """Delete a generated cover that no one chose for anything else.

    An editor may have picked it in the image library (as a resource's
    cover image, in a block ...): then it is theirs and stays.
    """
    from wagtail.models import ReferenceIndex

    if image is not None and not ReferenceIndex.get_references_to(image).exists():
        image.delete()


def _save_cover(document, png):
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    image = get_image_model()(
        title=_("Cover of %(title)s") % {"title": document.title},
        collection=_covers_collection(),
        # Saved like any upload: core.uploads strips what metadata there is.
        file=ContentFile(png, name=f"cover-{document.pk}.png"),
    )
    image.save()
    return image


@task(queue_name=DOCUMENTS_QUEUE)
def render_pdf_cover(document_id):
    """Draw a document's first page as its cover; drop an outdated one."""
    from core.models import DocumentProcessing
    from resources.models import DocumentCover
    from resources.pdf_cover import render_cover

    record = (
        DocumentCover.objects.select_related("document", "image")
        .filter(document_id=document_id)
        .first()
    )
    if record is None:
        return "missing"
    document = record.document
    processing = DocumentProcessing.objects.filter(document=document).first()
    if processing and processing.status == DocumentProcessing.Status.PENDING:
        # Until its metadata is stripped the PDF is for editors only: its
        # first page must not be public earlier. Asked again once it is done.
        return "waiting"
    data = b""
    if processing is None or processing.status == DocumentProcessing.Status.DONE:
        # A PDF that could not be cleaned is never public: nor is its cover.
        try:
            with document.open_file() as file:
                data = file.read()
        except OSError:
            logger.warning("PDF file missing for document %s", document_id)
    result, png = render_cover(data) if data else ({"outcome": "failed"}, None)
    old_image = record.image
    record.image = _save_cover(document, png) if result["outcome"] == "done" else None
    record.status = record.Status.DONE if record.image else record.Status.FAILED
    record.source_name = _cover_source(document)
    record.save()
    if old_image is not None and old_image != record.image:
        _forget_generated(old_image)
    return record.status


def request_cover(document):
    """Queue drawing the document's cover, unless this very file was drawn."""
    from resources.models import DocumentCover

    if document is None or document.file_extension.lower() != "pdf":
        return
    record = DocumentCover.objects.filter(document=document).first()
    if (
        record
        and record.source_name == _cover_source(document)
        and record.status != DocumentCover.Status.PENDING
    ):
        return
    DocumentCover.objects.update_or_create(
        document=document,
        defaults={
            "source_name": _cover_source(document),
            "status": DocumentCover.Status.PENDING,
        },
    )
    render_pdf_cover.enqueue(document.pk)
