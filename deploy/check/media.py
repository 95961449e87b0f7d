"""The files the editor uploads, and the page the check publishes with them."""

import json
import secrets

from PIL import Image

PUBLISH_SCRIPT = """
import json
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from resources.models import ResourceIndexPage, ResourcePage
names = json.loads(input())
image = get_image_model().objects.get(title=names["image"])
document = get_document_model().objects.get(title=names["document"])
library = ResourceIndexPage.objects.live().filter(locale__language_code="en").first()
page = ResourcePage(
    title=names["page"], slug=names["slug"], cover_image=image, document=document,
    summary="A paper uploaded by the production check.",
)
library.add_child(instance=page)
page.save_revision().publish()
print("RESULT=" + json.dumps({
    "page": page.get_url(), "library": library.get_url(),
    "image_file": image.file.name, "document_url": document.url,
    "document_file": document.file.name,
}))
"""


def make_pdf(text):
    """A one-page PDF whose text layer says `text`."""
    content = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


class Upload:
    """One round of uploads (local volume or S3): unique names and words."""

    def __init__(self, folder, variant):
        tag = f"{variant}{secrets.token_hex(3)}"
        self.variant = variant
        self.word = f"quokka{tag}"
        self.names = {
            "image": f"Prod check image {tag}",
            "document": f"Prod check paper {tag}",
            "page": f"Prod check paper {tag}",
            "slug": f"prod-check-{tag}",
        }
        self.image_path = folder / f"prodcheck-{tag}.jpg"
        gradient = Image.linear_gradient("L").resize((1600, 1000)).convert("RGB")
        gradient.save(self.image_path, quality=85)
        self.pdf_path = folder / f"prodcheck-{tag}.pdf"
        self.pdf_bytes = make_pdf(f"Reprisals report {self.word} annex")
        self.pdf_path.write_bytes(self.pdf_bytes)
        self.published = {}

    def publish(self, topology):
        out = topology.manage(
            "shell", "-c", PUBLISH_SCRIPT, stdin=json.dumps(self.names) + "\n"
        )
        line = next(x for x in out.splitlines() if x.startswith("RESULT="))
        self.published = json.loads(line.removeprefix("RESULT="))
        return self.published
