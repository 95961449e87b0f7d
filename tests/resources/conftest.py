"""Builders and fixtures for the resources tests: a library, papers, PDFs."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from resources.demo import make_pdf
from resources.models import Place, ResourceIndexPage, ResourcePage, ResourceType
from tests.factories import publish_child


def make_library(home, **fields):
    fields.setdefault("title", "Resources")
    fields.setdefault("slug", "resources")
    fields.setdefault("intro", "Our papers.")
    return publish_child(home, ResourceIndexPage(**fields))


def make_document(title="Paper", content=None, filename="paper.pdf", words=""):
    if content is None:
        content = make_pdf(title, [words or "Nothing special here."])
    document = get_document_model()(
        title=title, file=ContentFile(content, name=filename)
    )
    document.save()
    return document


def encrypted_pdf():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_resource(library, tags=(), places=(), **fields):
    fields.setdefault("title", "A paper")
    fields.setdefault("resource_type", ResourceType.REPORT)
    fields.setdefault("publication_date", datetime.date(2023, 1, 1))
    fields.setdefault("summary", "What the paper says.")
    page = ResourcePage(**fields)
    library.add_child(instance=page)
    if tags:
        page.tags.set(list(tags))
    if places:
        page.places.set(list(places))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_place(slug, name=None, kind=Place.Kind.COUNTRY):
    from wagtail.models import Locale

    return Place.objects.create(
        slug=slug, name=name or slug.title(), kind=kind, locale=Locale.get_default()
    )


def page_form_data(document=None, **fields):
    """What the admin form posts for a new resource page."""
    data = {
        "title": "New paper",
        "slug": "new-paper",
        "resource_type": "briefing-paper",
        "publication_date": "2024-05-02",
        "summary": "A new paper on China.",
        "document": str(document.pk) if document else "",
        "cover_image": "",
        "body": streamfield([]),
        "tags": "China",
        "related_campaign": "",
        "related_resources": inline_formset([]),
        "comments": inline_formset([]),
        "listing_title": "",
        "listing_summary": "",
        "social_text": "",
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.fixture
def library(home_page):
    return make_library(home_page)
