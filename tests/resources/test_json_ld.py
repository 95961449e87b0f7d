"""Search engines read a resource as a dated Report with its PDF."""

import datetime
import json
import re

import pytest

from resources.models import ResourceType
from tests.resources.conftest import make_document, make_library, make_resource


def json_ld(response):
    match = re.search(
        rb'<script type="application/ld\+json"[^>]*>(.*?)</script>',
        response.content,
        re.S,
    )
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_resource_page_is_a_report_with_its_date_and_pdf(client, home_page):
    library = make_library(home_page)
    make_resource(
        library,
        title="China and the treaty bodies",
        resource_type=ResourceType.BRIEFING_PAPER,
        publication_date=datetime.date(2023, 2, 1),
        document=make_document("China paper"),
    )
    response = client.get("/resources/china-and-the-treaty-bodies/")
    data = json_ld(response)
    items = data if isinstance(data, list) else data.get("@graph", [data])
    report = next(item for item in items if item.get("@type") == "Report")
    assert report["headline"] == "China and the treaty bodies"
    assert report["datePublished"] == "2023-02-01"
    assert report["encoding"]["encodingFormat"] == "application/pdf"
    assert report["encoding"]["contentUrl"].startswith("http://testserver/")
    assert b'<meta property="og:type" content="article">' in response.content


@pytest.mark.django_db
def test_news_is_a_news_article(client, home_page):
    library = make_library(home_page)
    make_resource(library, title="News item", resource_type=ResourceType.NEWS)
    data = json_ld(client.get("/resources/news-item/"))
    items = data if isinstance(data, list) else data.get("@graph", [data])
    assert any(item.get("@type") == "NewsArticle" for item in items)
