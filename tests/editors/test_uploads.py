"""Uploads: only the allowed formats, and nothing in them that identifies the
author or where a photo was taken."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112
ROTATED_90 = 6  # "rotate 90° clockwise to display"


def photo_with_gps(image_format="JPEG", size=(60, 40)):
    picture = PILImage.new("RGB", size, (200, 30, 30))
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[ORIENTATION] = ROTATED_90
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (46.0, 12.0, 0.0), 3: "E", 4: (6.0, 8.0, 0.0)}
    )
    buffer = io.BytesIO()
    picture.save(buffer, format=image_format, exif=exif.tobytes())
    return buffer.getvalue()


def assert_no_metadata(data):
    with PILImage.open(io.BytesIO(data)) as picture:
        exif = picture.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert 0x010F not in exif
        assert "exif" not in picture.info


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "AVIF"])
def test_admin_upload_loses_exif_and_gps(admin_client, image_format):
    data = photo_with_gps(image_format)
    with PILImage.open(io.BytesIO(data)) as original:
        assert original.getexif().get_ifd(GPS_IFD)  # the test photo has it
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif"}[
        image_format
    ]
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Protest",
            "file": SimpleUploadedFile(f"protest.{extension}", data),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Protest")
    with image.open_file() as f:
        stored = f.read()
    assert_no_metadata(stored)
    # The photo is turned upright as the camera meant, and measured as such.
    assert (image.width, image.height) == (40, 60)
    assert image.file_size == len(stored)
    # Renditions start from the cleaned original, so they carry nothing either.
    rendition = image.get_rendition("width-20|format-jpeg")
    with rendition.file.open("rb") as f:
        assert_no_metadata(f.read())


def test_multiple_upload_loses_gps(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("many.jpg", photo_with_gps())},
    )
    assert response.status_code == 200
    image = get_image_model().objects.get()
    with image.open_file() as f:
        assert_no_metadata(f.read())


def test_image_without_metadata_is_kept_byte_for_byte():
    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 20), (1, 2, 3)).save(buffer, format="PNG")
    image = get_image_model().objects.create(
        title="Plain", file=SimpleUploadedFile("plain.png", buffer.getvalue())
    )
    with image.open_file() as f:
        assert f.read() == buffer.getvalue()


def test_svg_upload_is_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", svg, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert "Not a supported image format" in response.content.decode()


def test_unlisted_document_type_is_refused(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Script", "file": SimpleUploadedFile("run.exe", b"MZ\x90\x00")},
    )
    assert response.status_code == 200
    assert not get_document_model().objects.exists()


def pdf_with_author():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata(
        {
            "/Title": "Annual report",
            "/Author": "Jane Defender",
            "/Creator": "Word for Jane's laptop",
            "/Producer": "PDF tool 1.0",
        }
    )
    writer.xmp_metadata = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
        b"<dc:creator>Jane Defender</dc:creator></rdf:Description>"
        b"</rdf:RDF></x:xmpmeta>"
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_upload_loses_author_metadata(admin_client):
    data = pdf_with_author()
    assert b"Jane Defender" in data
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Report", "file": SimpleUploadedFile("report.pdf", data)},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Report")
    with document.open_file() as f:
        stored = f.read()
    assert b"Jane Defender" not in stored
    assert b"PDF tool" not in stored
    reader = PdfReader(io.BytesIO(stored))
    assert len(reader.pages) == 1  # still a valid PDF
    metadata = reader.metadata or {}
    assert "/Author" not in metadata
    assert "/Creator" not in metadata
    assert "/Producer" not in metadata
    assert metadata.get("/Title") == "Annual report"
    assert reader.xmp_metadata is None
    assert document.file_size == len(stored)


def test_unreadable_pdf_is_kept_as_uploaded():
    document = get_document_model().objects.create(
        title="Broken", file=SimpleUploadedFile("broken.pdf", b"%PDF-1.4 not really")
    )
    with document.open_file() as f:
        assert f.read() == b"%PDF-1.4 not really"
