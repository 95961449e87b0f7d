"""The metadata corpus through the admin: no original, no rendition and no
served document keeps anything that names a person, a device or a place."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.editors import metadata_corpus as corpus

pytestmark = pytest.mark.django_db

RENDITION_FORMATS = ["jpeg", "png", "webp", "avif"]


def upload_image(admin_client, filename, data):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": filename, "file": SimpleUploadedFile(filename, data)},
    )
    assert response.status_code == 302, response.content[:3000]
    return get_image_model().objects.get(title=filename)


@pytest.mark.parametrize("label", list(corpus.IMAGES))
def test_image_original_and_renditions_keep_no_metadata(admin_client, label):
    filename, build = corpus.IMAGES[label]
    data = build()
    assert corpus.image_leaks(data)  # the corpus file does carry metadata
    image = upload_image(admin_client, filename, data)
    with image.open_file() as f:
        stored = f.read()
    assert corpus.image_leaks(stored) == []
    assert image.file_size == len(stored)
    for rendition_format in RENDITION_FORMATS:
        rendition = image.get_rendition(f"width-30|format-{rendition_format}")
        with rendition.file.open("rb") as f:
            assert corpus.image_leaks(f.read()) == [], rendition_format
    original_format = image.get_rendition("width-30")
    with original_format.file.open("rb") as f:
        assert corpus.image_leaks(f.read()) == []


def test_colour_profile_is_kept_without_its_device_names(admin_client):
    from PIL import Image as PILImage

    image = upload_image(admin_client, "all.jpg", corpus.jpeg_with_everything())
    with image.open_file() as f, PILImage.open(f) as picture:
        assert picture.info.get("icc_profile")  # still colour-managed
        assert picture.format == "JPEG"


def test_phone_multi_picture_becomes_a_plain_jpeg(admin_client):
    from PIL import Image as PILImage

    image = upload_image(admin_client, "phone.jpg", corpus.mpo_with_gps())
    with image.open_file() as f, PILImage.open(f) as picture:
        assert picture.format == "JPEG"
        assert picture.getpixel((5, 5))[0] > 150  # the first (red) frame
    assert (image.width, image.height) == (60, 40)


def test_heic_is_refused_by_name(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "heic",
            "file": SimpleUploadedFile("photo.heic", b"\0\0\0\x18ftypheic"),
        },
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def upload_document(admin_client, filename, data):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": filename, "file": SimpleUploadedFile(filename, data)},
    )


@pytest.mark.parametrize("label", list(corpus.PDFS))
def test_pdf_keeps_no_metadata_and_is_served_clean(admin_client, client, label):
    data = corpus.PDFS[label]()
    assert corpus.pdf_leaks(data)
    response = upload_document(admin_client, "paper.pdf", data)
    assert response.status_code == 302, response.content[:3000]
    document = get_document_model().objects.get()
    with document.open_file() as f:
        stored = f.read()
    assert corpus.pdf_leaks(stored) == []
    assert document.file_size == len(stored)
    served = client.get(document.url)
    assert served.status_code == 200
    assert corpus.pdf_leaks(b"".join(served.streaming_content)) == []


def test_pdf_that_needs_a_password_is_refused(admin_client):
    response = upload_document(admin_client, "locked.pdf", corpus.pdf_real_password())
    assert response.status_code == 200
    assert not get_document_model().objects.exists()
    html = response.content.decode()
    assert "needs a password" in html


def test_multiple_upload_refuses_a_pdf_that_needs_a_password(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("locked.pdf", corpus.pdf_real_password())},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


def test_the_corpus_report_what_each_file_kept_before_and_after(admin_client, capsys):
    """Every corpus file through the admin, with what it carried before and
    what its original and renditions keep after; prints the table the
    issue's closing note quotes."""
    rows = []
    for label, (filename, build) in corpus.IMAGES.items():
        data = build()
        image = upload_image(admin_client, filename, data)
        with image.open_file() as f:
            stored = [f.read()]
        for rendition_format in RENDITION_FORMATS:
            rendition = image.get_rendition(f"width-30|format-{rendition_format}")
            with rendition.file.open("rb") as f:
                stored.append(f.read())
        after = sorted({leak for kept in stored for leak in corpus.image_leaks(kept)})
        rows.append((label, corpus.image_leaks(data), after))
    for label, build in corpus.PDFS.items():
        data = build()
        get_document_model().objects.all().delete()
        assert upload_document(admin_client, "paper.pdf", data).status_code == 302
        with get_document_model().objects.get().open_file() as f:
            rows.append((label, corpus.pdf_leaks(data), corpus.pdf_leaks(f.read())))
    refused = upload_document(admin_client, "locked.pdf", corpus.pdf_real_password())
    rows.append(
        (
            "locked.pdf (user password, AES-128)",
            ["needs a password"],
            ["refused"] if refused.status_code == 200 else ["stored"],
        )
    )
    assert all(before for _, before, _ in rows)
    assert all(after in ([], ["refused"]) for _, _, after in rows), rows
    with capsys.disabled():
        print("\nfile | carried before | kept after (original + renditions)")  # noqa: T201
        for label, before, after in rows:
            print(f"{label} | {', '.join(before)} | {', '.join(after) or 'nothing'}")  # noqa: T201
