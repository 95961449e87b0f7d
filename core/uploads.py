"""Uploaded files lose what could identify their author before anyone but
an editor can download them.

- Images are cleaned at once, in `pre_save` (core.image_metadata: small,
  bounded by WAGTAILIMAGES_MAX_UPLOAD_SIZE and Wagtail's pixel limit).
- PDFs are cleaned in the task worker (core.document_tasks): a new PDF is
  recorded as pending in `post_save` and served to editors only until done.
- The upload forms (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE)
  refuse, with a message, what cannot be cleaned: images Pillow cannot
  rebuild, PDFs that need a password.

The signals cover the admin's single and multiple uploads, the API and code.
"""

import io
import logging

from django.core.files.base import ContentFile
from django.db.models.signals import post_save, pre_save
from wagtail.utils.file import hash_filelike

from core.image_metadata import strip_image_metadata

logger = logging.getLogger(__name__)


def _new_file_bytes(instance):
    """The bytes of a freshly uploaded file on `instance`, or None."""
    field_file = instance.file
    if not field_file or getattr(field_file, "_committed", True):
        return None
    field_file.open("rb")
    field_file.seek(0)
    data = field_file.read()
    field_file.seek(0)
    return data


def replace_file_and_measure(instance, data):
    """Put `data` in place of the instance's upload; set its size and hash.

    Does what Wagtail's private `AbstractImage._set_image_file_metadata()` /
    `AbstractDocument._set_document_file_metadata()` do (file_size, and
    file_hash through the public `wagtail.utils.file.hash_filelike`), without
    calling them. Assigning the file to the image field also makes Django
    measure width and height again.
    """
    name = instance.file.name.rsplit("/", 1)[-1]
    instance.file = ContentFile(data, name=name)
    instance.file_size = len(data)
    instance.file_hash = hash_filelike(io.BytesIO(data))


def is_pdf(instance):
    return bool(instance.file) and instance.file.name.lower().endswith(".pdf")


def clean_image(sender, instance, **kwargs):
    data = _new_file_bytes(instance)
    if data is None:
        return
    cleaned = strip_image_metadata(data)
    if cleaned is not None:
        replace_file_and_measure(instance, cleaned)


def note_new_pdf(sender, instance, **kwargs):
    # Decided before saving, while the file is still "not committed".
    instance._strip_after_save = (
        is_pdf(instance) and _new_file_bytes(instance) is not None
    )


def queue_pdf_stripping(sender, instance, raw=False, **kwargs):
    if raw or not getattr(instance, "_strip_after_save", False):
        return
    from core.document_tasks import request_processing

    instance._strip_after_save = False
    request_processing(instance)


def connect_signals():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    document_model = get_document_model()
    pre_save.connect(
        clean_image, sender=get_image_model(), dispatch_uid="core.clean_image"
    )
    pre_save.connect(
        note_new_pdf, sender=document_model, dispatch_uid="core.note_new_pdf"
    )
    post_save.connect(
        queue_pdf_stripping,
        sender=document_model,
        dispatch_uid="core.queue_pdf_stripping",
    )
