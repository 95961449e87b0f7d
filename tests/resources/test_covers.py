"""Covers: the PDF's first page when the editor gives none, shown as
responsive pictures (AVIF, WebP, JPEG) on resource pages and cards."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from pypdf import PdfWriter
from wagtail.images import get_image_model

from core.image_metadata import has_metadata
from resources import pdf_cover
from resources.demo import make_pdf
from resources.models import DocumentCover
from resources.tasks import COVERS_COLLECTION
from tests.factories import make_image
from tests.resources.conftest import encrypted_pdf, make_document, make_resource

pytestmark = pytest.mark.django_db

PICTURE = re.compile(r"<picture>.*?</picture>", re.S)


def generated(document):
    return DocumentCover.objects.select_related("image").get(document=document)


def pictures(html):
    return PICTURE.findall(html)


def test_pdf_without_cover_gets_its_first_page_as_cover(library):
    document = make_document(title="Findings", words="Words on the first page.")
    page = make_resource(library, document=document)
    record = generated(document)
    assert record.status == DocumentCover.Status.DONE
    assert page.cover == record.image
    assert record.image.collection.name == COVERS_COLLECTION
    # make_pdf draws an A4 page (595 x 842 points) with text at the top left.
    assert record.image.width == pdf_cover.COVER_WIDTH
    assert abs(record.image.height / record.image.width - 842 / 595) < 0.01
    with record.image.open_file() as file:
        picture = PILImage.open(file).convert("L")
        picture.load()
    top_left = picture.crop((0, 0, picture.width // 2, picture.height // 10))
    bottom = picture.crop((0, picture.height // 2, picture.width, picture.height))
    assert top_left.getextrema()[0] < 100, "the title's dark pixels are drawn"
    assert bottom.getextrema() == (255, 255), "the rest of the page is blank"


def test_editors_cover_wins_and_is_never_touched(library, client):
    document = make_document(words="Shared paper.")
    make_resource(library, title="Without", slug="without", document=document)
    chosen = make_image("Editor's choice", size=(800, 600))
    page = make_resource(library, document=document, cover_image=chosen)
    assert generated(document).image is not None
    assert page.cover == chosen
    html = client.get(page.url).content.decode()
    (picture,) = pictures(html)
    assert chosen.get_rendition("format-jpeg|width-320").url in picture
    page.refresh_from_db()
    assert page.cover_image == chosen


def test_only_resources_without_a_cover_ask_for_one(library):
    document = make_document(words="Paper.")
    make_resource(library, document=document, cover_image=make_image())
    assert not DocumentCover.objects.filter(document=document).exists()


def broken_pdfs():
    return [
        b"%PDF-1.4\nthis is not really a pdf",
        b"",
        make_pdf("Cut", ["Truncated file"])[:120],
        encrypted_pdf(),
    ]


@pytest.mark.parametrize(
    "content", broken_pdfs(), ids=["garbage", "empty", "truncated", "encrypted"]
)
def test_damaged_or_encrypted_pdf_gets_no_cover(library, client, content):
    images = get_image_model().objects.count()
    page = make_resource(library, document=make_document(content=content))
    record = DocumentCover.objects.get(document=page.document)
    assert record.status == DocumentCover.Status.FAILED
    assert record.image is None
    assert get_image_model().objects.count() == images
    response = client.get(page.url)
    assert response.status_code == 200
    assert not pictures(response.content.decode())


def test_rendering_respects_the_sandbox_limits(settings):
    settings.DOCUMENT_PROCESSING_MEMORY_MB = 32
    result, png = pdf_cover.render_cover(make_pdf("Big", ["Too much memory."]))
    assert result["outcome"] == "failed"
    assert result["reason"] in {"memory", "crashed"}
    assert png is None


def test_generated_cover_carries_no_metadata(library):
    writer = PdfWriter()
    writer.add_blank_page(300, 400)
    writer.add_metadata({"/Author": "Jane Defender", "/Title": "Secret"})
    buffer = io.BytesIO()
    writer.write(buffer)
    page = make_resource(library, document=make_document(content=buffer.getvalue()))
    image = generated(page.document).image
    with image.open_file() as file:
        data = file.read()
    picture = PILImage.open(io.BytesIO(data))
    assert not has_metadata(picture)
    assert b"Jane" not in data and b"Secret" not in data
    for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP"):
        assert chunk not in data


def test_replaced_file_gets_a_new_cover_and_the_old_one_goes(library):
    document = make_document(words="First version.")
    page = make_resource(library, document=document)
    old = generated(document).image
    document.file = ContentFile(
        make_pdf("Second", ["A new version."]), name="second.pdf"
    )
    document.save()
    new = generated(document).image
    assert new is not None and new.pk != old.pk
    assert not get_image_model().objects.filter(pk=old.pk).exists()
    page.refresh_from_db()
    assert page.cover == new


def test_a_generated_cover_an_editor_chose_is_kept(library):
    document = make_document(words="First version.")
    make_resource(library, title="Drawn", slug="drawn", document=document)
    old = generated(document).image
    keeper = make_resource(library, title="Keeps", slug="keeps", cover_image=old)
    document.file = ContentFile(make_pdf("Second", ["New."]), name="second.pdf")
    document.save()
    assert generated(document).image.pk != old.pk
    keeper.refresh_from_db()
    assert keeper.cover_image == old


def assert_responsive(picture, lazy):
    assert 'type="image/avif"' in picture
    assert 'type="image/webp"' in picture
    assert re.search(r'srcset="[^"]+\.avif 320w, [^"]+\.avif 640w"', picture)
    img = re.search(r"<img [^>]*>", picture).group(0)
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'alt=""' in img
    assert ('loading="lazy"' in img) is lazy


def test_resource_page_shows_a_responsive_cover(library, client):
    page = make_resource(library, document=make_document(words="Paper."))
    html = client.get(page.url).content.decode()
    (picture,) = pictures(html)
    assert_responsive(picture, lazy=False)  # near the top: not lazy
    assert (
        generated(page.document).image.get_rendition("format-webp|width-640").url
        in picture
    )


def test_library_cards_show_responsive_covers(library, client):
    make_resource(library, title="Drawn", slug="drawn", document=make_document())
    make_resource(
        library, title="Chosen", slug="chosen", cover_image=make_image(size=(800, 600))
    )
    make_resource(library, title="Bare", slug="bare")
    html = client.get(library.url).content.decode()
    cards = pictures(html)
    assert len(cards) == 2
    for picture in cards:
        assert_responsive(picture, lazy=True)


def _library_queries(client, url):
    client.get(url)  # renditions made
    # Renditions then come from the database, not from Wagtail's cache
    # (as after a flush or with Redis down): one query for all the cards.
    get_image_model().get_rendition_model().cache_backend.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_library_queries_do_not_grow_with_covered_cards(library, client):
    def add(start, count):
        for number in range(start, start + count):
            make_resource(
                library,
                title=f"Paper {number}",
                slug=f"paper-{number}",
                document=make_document(title=f"Paper {number}"),
            )

    add(0, 2)
    few = _library_queries(client, library.url)
    add(2, 10)
    assert _library_queries(client, library.url) == few
    assert len(pictures(client.get(library.url).content.decode())) == 12


@pytest.mark.parametrize("mode", ["chosen", "latest"])
def test_listing_block_cards_show_covers_in_fixed_queries(library, mode):
    from django.test import RequestFactory

    from resources.blocks import ResourceListingBlock

    papers = [
        make_resource(
            library,
            title=f"Paper {number}",
            slug=f"paper-{number}",
            tags=["China"],
            document=make_document(title=f"Paper {number}"),
        )
        for number in range(6)
    ]
    block = ResourceListingBlock()

    def cover_queries(count):
        data = {"mode": mode, "heading": "Read", "tag": "china", "count": count}
        data["items"] = [page.pk for page in papers[:count]] if mode == "chosen" else []
        block.render(
            block.to_python(data), context={"request": RequestFactory().get("/")}
        )
        # Only the renditions leave Wagtail's cache: they come from the
        # database, in one query for all the cards.
        for rendition in get_image_model().get_rendition_model().objects.all():
            rendition.purge_from_cache()
        with CaptureQueriesContext(connection) as queries:
            html = block.render(
                block.to_python(data), context={"request": RequestFactory().get("/")}
            )
        assert len(pictures(html)) == count
        # (A bare RequestFactory request resolves each card's URL on its own:
        # only the queries for covers are counted here.)
        return [
            query["sql"]
            for query in queries.captured_queries
            if "wagtailimages_" in query["sql"] or "documentcover" in query["sql"]
        ]

    few, many = cover_queries(2), cover_queries(6)
    # The resources with their covers joined, then all their renditions.
    assert len(few) == len(many) == 2
    assert '"resources_documentcover"' in many[0]
    assert 'FROM "wagtailimages_rendition"' in many[1]
