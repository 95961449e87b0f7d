"""The library's Atom feed holds RFC 4287's MUSTs, checked one by one."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from resources.models import ResourceType
from tests.resources.conftest import make_document, make_resource

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rfc4287_errors(xml_bytes, fetched_url):
    """Every MUST of RFC 4287 section 4.1 this feed breaks (empty if none)."""
    feed = ET.fromstring(xml_bytes)  # noqa: S314 (our own test response)
    errors = []
    for name in ("id", "title", "updated"):
        if feed.find(ATOM + name) is None:
            errors.append(f"feed lacks atom:{name}")
    feed_has_author = feed.find(ATOM + "author/" + ATOM + "name") is not None
    self_links = [
        link.get("href")
        for link in feed.findall(ATOM + "link")
        if link.get("rel") == "self"
    ]
    if self_links != [fetched_url]:
        errors.append(f"self link {self_links} is not {fetched_url}")
    ids = []
    for entry in feed.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            if entry.find(ATOM + name) is None:
                errors.append(f"entry lacks atom:{name}")
        if not feed_has_author and entry.find(ATOM + "author") is None:
            errors.append("entry without an author in a feed without one")
        if not entry.findall(ATOM + "link"):
            errors.append("entry without a link")
        for link in entry.findall(ATOM + "link"):
            if link.get("rel") == "enclosure" and not (
                link.get("length") and link.get("type")
            ):
                errors.append("enclosure without length or type")
        ids.append(entry.findtext(ATOM + "id"))
    if len(ids) != len(set(ids)):
        errors.append("entry ids are not unique")
    return errors


@pytest.fixture
def papers(library):
    with_pdf = make_resource(
        library,
        title="China report",
        resource_type=ResourceType.REPORT,
        publication_date=datetime.date(2024, 3, 1),
        tags=["china"],
        document=make_document("China report"),
    )
    without_pdf = make_resource(
        library,
        title="A statement",
        resource_type=ResourceType.STATEMENT,
        publication_date=datetime.date(2024, 2, 1),
    )
    return with_pdf, without_pdf


def test_entries_with_a_pdf_carry_it_as_an_enclosure(client, papers):
    feed = ET.fromstring(client.get("/resources/feed/").content)  # noqa: S314
    enclosures = {
        entry.findtext(ATOM + "title"): [
            link.attrib
            for link in entry.findall(ATOM + "link")
            if link.get("rel") == "enclosure"
        ]
        for entry in feed.findall(ATOM + "entry")
    }
    assert enclosures["A statement"] == []
    (pdf,) = enclosures["China report"]
    assert pdf["type"] == "application/pdf" and int(pdf["length"]) > 0


@pytest.mark.parametrize("query", ["", "?topic=china&type=report"])
def test_the_feed_breaks_no_rfc4287_must(client, papers, query):
    url = f"http://testserver/resources/feed/{query}"
    response = client.get(url)
    assert response.status_code == 200
    assert rfc4287_errors(response.content, url) == []
