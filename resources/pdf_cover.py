"""Drawing a PDF's first page as a cover picture, within limits.

The drawing (`render_first_page`) runs in a limited subprocess (core.sandbox,
on the task worker's `documents` queue), like the text reading in
resources.pdf: PDFium is C++ code reading files anyone may have made, so a
hostile file can only cost that child its time and memory. It imports nothing
from Django. A damaged or password-protected PDF answers "failed" with a
reason, and the resource simply has no generated cover.
"""

import io
import logging

logger = logging.getLogger(__name__)

# Wide enough for the largest rendition the templates ask for (800 px at 2x
# would be 1600; cards and the page use at most 1200).
COVER_WIDTH = 1200
# A page far taller than wide (a long strip) would make an enormous bitmap:
# it is drawn no taller than this, and narrower.
MAX_HEIGHT = 2400


def _scale(width_points, height_points):
    if width_points <= 0 or height_points <= 0:
        raise ValueError("page without a size")
    return min(COVER_WIDTH / width_points, MAX_HEIGHT / height_points)


def render_first_page(data):
    """The first page of the PDF bytes `data` as PNG bytes, or a reason."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        # PDFium says which: a password it cannot open, or a broken file.
        reason = "encrypted" if "password" in str(error).lower() else "damaged"
        return {"outcome": "failed", "reason": reason}, None
    try:
        if len(document) == 0:
            return {"outcome": "failed", "reason": "damaged"}, None
        page = document[0]
        width, height = page.get_size()
        bitmap = page.render(
            scale=_scale(width, height), fill_color=(255, 255, 255, 255)
        )
        picture = bitmap.to_pil().convert("RGB")
    except (pdfium.PdfiumError, ValueError, OSError):
        logger.info("Could not draw the first page", exc_info=True)
        return {"outcome": "failed", "reason": "damaged"}, None
    finally:
        document.close()
    output = io.BytesIO()
    # A fresh bitmap: saved with no pnginfo, it carries no text chunks.
    picture.save(output, format="PNG", optimize=True)
    size = {"width": picture.width, "height": picture.height}
    return {"outcome": "done", **size}, output.getvalue()


def render_job(data, **options):
    """core.sandbox job around `render_first_page`."""
    return render_first_page(data)


def render_cover(data):
    """(result, PNG bytes or None) for the PDF bytes `data`, in the sandbox."""
    from core.document_tasks import limits
    from core.sandbox import SandboxFailed, run_limited

    try:
        return run_limited("resources.pdf_cover:render_job", data, **limits())
    except SandboxFailed as error:
        logger.warning("PDF cover not drawn: %s", error)
        return {"outcome": "failed", "reason": error.reason}, None
