"""Reading the text out of PDF files, within limits, with a reason when it fails.

The reading itself (`read_text`) runs in a limited subprocess (core.sandbox,
on the task worker's `documents` queue): it imports nothing from Django and
answers with a reason code, which `extract_text` turns into the editor's
translated message.
"""

import logging
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 20 * 1024 * 1024
MAX_PAGES = 300
MAX_CHARACTERS = 500_000

REASONS = {
    "encrypted": _("the PDF is encrypted."),
    "damaged": _("the file is damaged or is not a valid PDF."),
    "no_text": _(
        "the PDF contains no text (it may be scanned images); "
        "add a summary or a web version so it can be found."
    ),
    "long": _("the PDF is long, so only its beginning was indexed."),
    "timeout": _("the PDF took too long to read."),
    "memory": _("the PDF needs too much memory to read."),
    "crashed": _("the file is damaged or is not a valid PDF."),
}


@dataclass
class Extraction:
    """What reading a PDF gave: its text, or why there is none (or only part)."""

    status: str
    text: str = ""
    message: str = ""
    page_count: int = 0


def read_text(data, max_pages=MAX_PAGES, max_characters=MAX_CHARACTERS):
    """The text of the PDF bytes `data`: a dict of status, text, reason, pages."""
    import io

    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" only against editing and open with an
            # empty password; anything else cannot be read without it.
            try:
                opened = reader.decrypt("")
            except (DependencyError, FileNotDecryptedError, NotImplementedError):
                opened = PasswordType.NOT_DECRYPTED
            if opened == PasswordType.NOT_DECRYPTED:
                return {"status": "failed", "reason": "encrypted"}
        page_count = len(reader.pages)
        parts = []
        length = 0
        for number, pdf_page in enumerate(reader.pages):
            if number >= max_pages or length >= max_characters:
                break
            page_text = pdf_page.extract_text() or ""
            parts.append(page_text)
            length += len(page_text)
    except FileNotDecryptedError:
        return {"status": "failed", "reason": "encrypted"}
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of errors on odd files
        logger.info("Could not read PDF text", exc_info=True)
        return {"status": "failed", "reason": "damaged"}
    text = " ".join(" ".join(parts).split())[:max_characters]
    result = {"status": "indexed", "text": text, "page_count": page_count}
    if not text:
        result.update(status="failed", reason="no_text")
    elif page_count > max_pages or length > max_characters:
        result.update(status="partial", reason="long")
    return result


def extract_job(data, **options):
    """core.sandbox job around `read_text`."""
    return read_text(data, **options), None


def extract_text(file, size):
    """The text of the PDF in `file` (an open binary file of `size` bytes)."""
    from core.document_tasks import limits
    from core.sandbox import SandboxFailed, run_limited

    if size > MAX_FILE_SIZE:
        return Extraction(
            "failed",
            message=_("the file is larger than %(size)d MB, so it was not read.")
            % {"size": MAX_FILE_SIZE // (1024 * 1024)},
        )
    options = {"max_pages": MAX_PAGES, "max_characters": MAX_CHARACTERS}
    try:
        result, _output = run_limited(
            "resources.pdf:extract_job", file.read(), options=options, **limits()
        )
    except SandboxFailed as error:
        logger.warning("PDF text not read: %s", error)
        result = {"status": "failed", "reason": error.reason}
    reason = result.get("reason")
    return Extraction(
        result["status"],
        text=result.get("text", ""),
        message=str(REASONS[reason]) if reason else "",
        page_count=result.get("page_count", 0),
    )
