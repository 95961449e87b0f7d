"""Reading the text out of PDF files, within limits, with a reason when it fails."""

import logging
from dataclasses import dataclass

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 20 * 1024 * 1024
MAX_PAGES = 300
MAX_CHARACTERS = 500_000


@dataclass
class Extraction:
    """What reading a PDF gave: its text, or why there is none (or only part)."""

    status: str
    text: str = ""
    message: str = ""
    page_count: int = 0


def extract_text(file, size):
    """The text of the PDF in `file` (an open binary file of `size` bytes)."""
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if size > MAX_FILE_SIZE:
        return Extraction(
            "failed",
            message=_("the file is larger than %(size)d MB, so it was not read.")
            % {"size": MAX_FILE_SIZE // (1024 * 1024)},
        )
    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            # Many PDFs are "encrypted" only against editing and open with an
            # empty password; anything else cannot be read without it.
            try:
                opened = reader.decrypt("")
            except (DependencyError, FileNotDecryptedError, NotImplementedError):
                opened = PasswordType.NOT_DECRYPTED
            if opened == PasswordType.NOT_DECRYPTED:
                return Extraction("failed", message=_("the PDF is encrypted."))
        page_count = len(reader.pages)
        parts = []
        length = 0
        for number, pdf_page in enumerate(reader.pages):
            if number >= MAX_PAGES or length >= MAX_CHARACTERS:
                break
            page_text = pdf_page.extract_text() or ""
            parts.append(page_text)
            length += len(page_text)
    except FileNotDecryptedError:
        return Extraction("failed", message=_("the PDF is encrypted."))
    except (PdfReadError, ValueError, TypeError, KeyError, IndexError, OSError):
        logger.info("Could not read PDF text", exc_info=True)
        return Extraction(
            "failed", message=_("the file is damaged or is not a valid PDF.")
        )
    except Exception:  # pypdf raises many kinds of errors on odd files
        logger.warning("Unexpected error reading PDF text", exc_info=True)
        return Extraction(
            "failed", message=_("the file is damaged or is not a valid PDF.")
        )
    text = " ".join(" ".join(parts).split())[:MAX_CHARACTERS]
    if not text:
        return Extraction(
            "failed",
            page_count=page_count,
            message=_(
                "the PDF contains no text (it may be scanned images); "
                "add a summary or a web version so it can be found."
            ),
        )
    if page_count > MAX_PAGES or length > MAX_CHARACTERS:
        return Extraction(
            "partial",
            text=text,
            page_count=page_count,
            message=_("the PDF is long, so only its beginning was indexed."),
        )
    return Extraction("indexed", text=text, page_count=page_count)
