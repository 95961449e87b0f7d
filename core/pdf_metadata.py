"""PDFs lose their author, creator, producer, keywords and XMP packets, also
when they are encrypted: a PDF that opens with an empty password (protected
only against editing) is decrypted and written out plain; one that needs a
real password is refused at upload, since it can be neither cleaned nor read.

Stripping a large PDF takes long, so it runs in the task worker, in a limited
subprocess (core.sandbox); this module imports nothing from Django so that
subprocess starts fast and small.
"""

import io

# PDF document-information keys worth keeping: the title readers see in tabs.
_PDF_KEPT_INFO = {"/Title"}


class PdfNeedsPassword(ValueError):
    """The PDF opens only with a password the site does not have."""


class PdfNotReadable(ValueError):
    """The file is damaged or is not a PDF."""


def _open(data):
    """A pypdf reader on `data`, decrypted with the empty password if needed."""
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (FileNotDecryptedError, NotImplementedError) as error:
                raise PdfNeedsPassword(str(error)) from error
            except DependencyError as error:  # no AES without `cryptography`
                raise PdfNotReadable(str(error)) from error
            if opened == PasswordType.NOT_DECRYPTED:
                raise PdfNeedsPassword("the empty password does not open it")
        return reader
    except (PdfNeedsPassword, PdfNotReadable):
        raise
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on odd files
        raise PdfNotReadable(str(error)) from error


def pdf_needs_password(data):
    """True if the PDF in `data` opens only with a real password.

    Cheap for the ordinary case (a byte search, no parsing), so the upload
    form can call it inside the request.
    """
    if b"/Encrypt" not in data:
        return False
    try:
        _open(data)
    except PdfNeedsPassword:
        return True
    except PdfNotReadable:
        return False  # the worker reports the damage
    return False


def strip_pdf_metadata(data):
    """The PDF in `data` (bytes), unencrypted, without Info (but its title) or XMP."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    reader = _open(data)
    try:
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
        # Unlinked objects (the old Info, XMP streams) would still be written.
        writer.compress_identical_objects(
            remove_duplicates=False, remove_unreferenced=True
        )
        output = io.BytesIO()
        writer.write(output)
    except Exception as error:  # noqa: BLE001
        raise PdfNotReadable(str(error)) from error
    return output.getvalue()


def strip_job(data):
    """core.sandbox job: (result, cleaned bytes); the result names a failure."""
    try:
        return {"outcome": "done"}, strip_pdf_metadata(data)
    except PdfNeedsPassword:
        return {"outcome": "failed", "reason": "password"}, None
    except PdfNotReadable:
        return {"outcome": "failed", "reason": "damaged"}, None
