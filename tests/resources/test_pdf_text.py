"""Reading PDF text: good, broken, encrypted, too large and replaced files."""

import io

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Revision

from resources import pdf
from resources.demo import make_pdf
from resources.models import PdfText, ResourcePage
from resources.tasks import extract_pdf_text
from tests.resources.conftest import (
    encrypted_pdf,
    make_document,
    make_resource,
    page_form_data,
)

pytestmark = pytest.mark.django_db


def search(term):
    return list(ResourcePage.objects.live().search(term))


def test_generated_pdf_text_reads_back():
    result = pdf.extract_text(io.BytesIO(make_pdf("Title", ["A (quoted) word"])), 10)
    assert result.status == "indexed"
    assert "A (quoted) word" in result.text
    assert result.page_count == 1


def test_text_is_extracted_and_indexed_on_save(library):
    document = make_document(words="Findings about quixotic procedures.")
    page = make_resource(library, title="Paper", document=document)
    record = PdfText.objects.get(document=document)
    assert record.status == PdfText.Status.INDEXED
    assert "quixotic" in record.text
    assert search("quixotic") == [page]


def test_extraction_makes_no_revision(library):
    document = make_document(words="Plain words.")
    page = make_resource(library, document=document)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    extract_pdf_text.call(document.pk)
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions
    page.refresh_from_db()
    assert not page.has_unpublished_changes


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"%PDF-1.4\nthis is not really a pdf", "damaged"),
        (b"", "damaged"),
        (make_pdf("Cut", ["Truncated file"])[:120], "damaged"),
        (encrypted_pdf(), "encrypted"),
    ],
)
def test_broken_pdf_does_not_break_saving(library, content, reason):
    document = make_document(content=content)
    page = make_resource(library, title="Still published", document=document)
    assert page.live
    record = PdfText.objects.get(document=document)
    assert record.status == PdfText.Status.FAILED
    assert reason in record.message
    assert search("Still") == [page]


def test_pdf_without_text_is_explained(library):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    make_resource(library, document=make_document(content=buffer.getvalue()))
    record = PdfText.objects.get()
    assert record.status == PdfText.Status.FAILED
    assert "no text" in record.message


def test_large_pdf_is_not_read(library, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_FILE_SIZE", 100)
    make_resource(library, document=make_document(words="Too big to read."))
    record = PdfText.objects.get()
    assert record.status == PdfText.Status.FAILED
    assert "larger than" in record.message
    assert not search("big")


def test_long_pdf_is_partly_indexed(library, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_CHARACTERS", 20)
    make_resource(library, document=make_document(words="Long text " * 20))
    record = PdfText.objects.get()
    assert record.status == PdfText.Status.PARTIAL
    assert len(record.text) <= 20


def test_other_documents_are_skipped(library):
    document = make_document(content=b"a,b\n1,2\n", filename="data.csv")
    make_resource(library, document=document)
    assert PdfText.objects.get().status == PdfText.Status.SKIPPED


def test_replaced_file_is_read_again(library):
    document = make_document(words="Original wording.")
    page = make_resource(library, document=document)
    document.file = ContentFile(
        make_pdf("New", ["Revised xylophone wording."]), name="paper-v2.pdf"
    )
    document.save()
    assert "xylophone" in PdfText.objects.get(document=document).text
    assert search("xylophone") == [page]


def test_same_file_is_not_read_twice(library, monkeypatch):
    document = make_document(words="Once.")
    page = make_resource(library, document=document)
    calls = []
    monkeypatch.setattr(pdf, "extract_text", lambda *args: calls.append(args))
    page.save_revision().publish()
    assert calls == []


def test_editor_publishes_a_paper_and_finds_it(admin_client, client, library):
    document = make_document(words="A clause on ombudsperson mandates.")
    response = admin_client.post(
        f"/admin/pages/add/resources/resourcepage/{library.pk}/",
        page_form_data(document),
    )
    assert response.status_code == 302, response.context["form"].errors
    page = ResourcePage.objects.get(slug="new-paper")
    assert page.live
    library_page = client.get("/resources/?type=briefing-paper&topic=china")
    assert [p.title for p in library_page.context["resources"]] == ["New paper"]
    found = client.get("/resources/?q=ombudsperson")
    assert [p.title for p in found.context["resources"]] == ["New paper"]


def test_editor_sees_why_the_text_was_not_indexed(admin_client, library):
    document = make_document(content=encrypted_pdf())
    response = admin_client.post(
        f"/admin/pages/add/resources/resourcepage/{library.pk}/",
        page_form_data(document),
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "could not be indexed" in html
    assert "encrypted" in html
    page = ResourcePage.objects.get(slug="new-paper")
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'data-pdf-text-status="failed"' in edit
    assert "the PDF is encrypted." in edit
