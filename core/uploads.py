"""Uploaded files lose what could identify their author before anyone can
download them: EXIF/XMP (camera, GPS, date) from images, author and tool
metadata from PDFs.

Done in `pre_save` on the image and document models, so it covers the admin's
single and multiple uploads, the API and code alike: a file that is new (not
yet written to storage) is cleaned, then its size and hash recomputed.
"""

import io
import logging

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save

logger = logging.getLogger(__name__)

# Formats the site accepts (WAGTAILIMAGES_EXTENSIONS), by Pillow's format name.
_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "AVIF"}
# Image `info` keys that carry metadata rather than pixels or colour.
_METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"}
# PDF document-information keys worth keeping: the title readers see in tabs.
_PDF_KEPT_INFO = {"/Title"}


def _has_metadata(picture):
    if picture.getexif():
        return True
    if any(key in picture.info for key in _METADATA_KEYS):
        return True
    # PNG text chunks (tEXt, iTXt) hold free-form metadata such as "Author".
    return bool(getattr(picture, "text", None))


def strip_image_metadata(data):
    """The image in `data` (bytes) without metadata, orientation applied.

    Returns None when there is nothing to strip, so untouched files keep their
    exact bytes (no needless re-encoding).
    """
    from PIL import Image, ImageOps, ImageSequence

    with Image.open(io.BytesIO(data)) as picture:
        image_format = picture.format
        if image_format not in _IMAGE_FORMATS or not _has_metadata(picture):
            return None
        icc_profile = picture.info.get("icc_profile")
        options = {}
        if icc_profile:
            options["icc_profile"] = icc_profile  # colour, not metadata
        if getattr(picture, "is_animated", False):
            # Keep every frame; orientation tags on animations are rare.
            frames = [frame.copy() for frame in ImageSequence(picture)]
            output = io.BytesIO()
            frames[0].save(
                output,
                format=image_format,
                save_all=True,
                append_images=frames[1:],
                **options,
            )
            return output.getvalue()
        # Turn the pixels as the EXIF orientation says, before dropping EXIF.
        cleaned = ImageOps.exif_transpose(picture)
        if image_format == "JPEG":
            options.update(quality=92, optimize=True)
            if cleaned.mode not in ("RGB", "L", "CMYK"):
                cleaned = cleaned.convert("RGB")
        elif image_format in ("WEBP", "AVIF"):
            options.update(quality=90)
        output = io.BytesIO()
        # Nothing but pixels and colour profile: no exif=, no xmp=, no pnginfo=.
        cleaned.save(output, format=image_format, **options)
        return output.getvalue()


def strip_pdf_metadata(data):
    """The PDF in `data` (bytes) without author, creator, producer or XMP.

    Returns None if the file cannot be read as a PDF (e.g. encrypted), so the
    upload is kept as it is and the problem logged.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            logger.warning("Encrypted PDF uploaded: metadata left in place.")
            return None
        writer = PdfWriter(clone_from=reader)
        kept = {
            key: str(value)
            for key, value in (reader.metadata or {}).items()
            if key in _PDF_KEPT_INFO
        }
        writer.metadata = kept or None
        # The XMP packet repeats the author and tools: drop it, document-wide
        # and on every page.
        writer.xmp_metadata = None
        for page in writer.pages:
            page.pop(NameObject("/Metadata"), None)
        # Unlinked objects would still be written out: drop them.
        writer.compress_identical_objects(
            remove_duplicates=False, remove_unreferenced=True
        )
        output = io.BytesIO()
        writer.write(output)
        return output.getvalue()
    except Exception:  # noqa: BLE001 - any parser failure means "leave it"
        logger.warning("Could not read an uploaded PDF: metadata left in place.")
        return None


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


def _replace_file(instance, data):
    name = instance.file.name.rsplit("/", 1)[-1]
    instance.file = ContentFile(data, name=name)


def clean_image(sender, instance, **kwargs):
    data = _new_file_bytes(instance)
    if data is None:
        return
    cleaned = strip_image_metadata(data)
    if cleaned is not None:
        _replace_file(instance, cleaned)
        instance._set_image_file_metadata()


def clean_document(sender, instance, **kwargs):
    data = _new_file_bytes(instance)
    if data is None or not instance.file.name.lower().endswith(".pdf"):
        return
    cleaned = strip_pdf_metadata(data)
    if cleaned is not None:
        _replace_file(instance, cleaned)
        instance._set_document_file_metadata()


def connect_signals():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    pre_save.connect(
        clean_image, sender=get_image_model(), dispatch_uid="core.clean_image"
    )
    pre_save.connect(
        clean_document, sender=get_document_model(), dispatch_uid="core.clean_document"
    )
