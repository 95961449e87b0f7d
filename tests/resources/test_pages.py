"""Resource pages, the page tree, the Atom feed and the demo papers."""

import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from resources.models import (
    PdfText,
    RelatedResource,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
)
from tests import factories
from tests.resources.conftest import (
    make_document,
    make_library,
    make_place,
    make_resource,
    page_form_data,
)

ATOM = "{http://www.w3.org/2005/Atom}"


class TestPageTree(WagtailPageTestCase):
    """Where the library and its papers may be created."""

    def test_tree_rules(self):
        self.assertCanCreateAt(HomePage, ResourceIndexPage)
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, set())

    def test_pages_render_and_preview(self):
        home = factories.make_site_with_home()
        library = make_library(home)
        page = make_resource(library, document=make_document(words="Text."))
        self.assertPageIsRenderable(library)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=page_form_data(slug="p"))
        self.assertPageIsPreviewable(library)


@pytest.mark.django_db
def test_resource_page_shows_download_date_type_and_tags(client, library):
    china = make_place("china", "China")
    document = make_document(title="The paper", words="Body of the PDF.")
    related = make_resource(library, title="Earlier paper", slug="earlier")
    page = make_resource(
        library,
        title="China briefing",
        resource_type=ResourceType.BRIEFING_PAPER,
        publication_date=datetime.date(2023, 2, 20),
        summary="What the briefing finds.",
        document=document,
        tags=["China", "Reprisals"],
        places=[china],
    )
    page.related_resources.create(resource=related)
    page.save_revision().publish()
    response = client.get("/resources/china-briefing/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{document.url}"' in html
    document.refresh_from_db()  # measured again once its metadata was stripped
    assert document.file_size > 0
    assert f"(PDF, {filesizeformat(document.file_size)})" in html
    assert '<time datetime="2023-02-20">20 February 2023</time>' in html
    assert 'href="/resources/?type=briefing-paper">Briefing paper</a>' in html
    assert 'href="/resources/?topic=china">China</a>' in html
    assert 'href="/resources/?topic=reprisals">Reprisals</a>' in html
    assert 'href="/resources/?place=china">China</a>' in html
    assert '<meta name="description" content="What the briefing finds.">' in html
    assert "Earlier paper" in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_download_link_serves_the_pdf(client, library):
    document = make_document(words="Downloadable words.")
    make_resource(library, title="Paper", document=document)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_feed_is_well_formed_and_lists_the_newest(client, library):
    for number in range(1, 26):
        make_resource(
            library,
            title=f"Paper {number}",
            publication_date=datetime.date(2020, 1, 1) + datetime.timedelta(number),
            tags=["China"] if number % 5 == 0 else [],
        )
    response = client.get("/resources/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not response.cookies
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    entries = root.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles[:3] == ["Paper 25", "Paper 24", "Paper 23"]
    assert len(titles) == 20
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == "http://testserver/resources/paper-25/"


@pytest.mark.django_db
def test_feed_follows_the_filters(client, library):
    make_resource(library, title="On China", tags=["China"])
    make_resource(library, title="Elsewhere", tags=["Other"])
    response = client.get("/resources/feed/?topic=china")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    assert root.findtext(f"{ATOM}title") == "Resources: China"
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles == ["On China"]
    self_link = [
        link.get("href")
        for link in root.findall(f"{ATOM}link")
        if link.get("rel") == "self"
    ]
    assert self_link == ["http://testserver/resources/feed/?topic=china"]


@pytest.mark.django_db
def test_edit_view_explains_pdf_search_before_a_pdf_is_chosen(admin_client, library):
    page = make_resource(library)
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'data-pdf-text-status="none"' in html
    assert "no PDF chosen yet" in html


@pytest.mark.django_db
def test_demo_content_has_the_china_papers(client, home_page):
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("load_demo_content", stdout=io.StringIO())  # runs twice safely
    # The library in English; the Chinese one holds a translation of one paper.
    papers = ResourcePage.objects.live().filter(locale=Locale.get_default())
    assert papers.count() >= 8
    assert papers.values("resource_type").distinct().count() >= 4
    assert len({page.publication_date.year for page in papers}) >= 3
    submission = papers.get(slug="china-reprisals-submission-2023")
    briefing = papers.get(slug="china-un-treaty-bodies")
    assert submission.resource_type == ResourceType.SUBMISSION
    assert briefing.resource_type == ResourceType.BRIEFING_PAPER
    for page in (submission, briefing):
        assert {"china", "reprisals"} <= set(page.tags.values_list("slug", flat=True))
        assert PdfText.objects.get(document=page.document).status == "indexed"
    # A word that is only inside the treaty-body briefing's PDF.
    response = client.get("/resources/?type=briefing-paper&topic=china&q=shadow")
    assert [p.slug for p in response.context["resources"]] == ["china-un-treaty-bodies"]


@pytest.mark.django_db
def test_resource_page_queries_do_not_grow(client, library):
    def build(slug, count):
        others = [
            make_resource(library, title=f"{slug} related {n}", slug=f"{slug}-{n}")
            for n in range(count)
        ]
        places = [make_place(f"{slug}-place-{n}") for n in range(count)]
        page = make_resource(
            library,
            title=slug,
            slug=slug,
            document=make_document(words="Words."),
            tags=[f"{slug} topic {n}" for n in range(count)],
            places=places,
        )
        for other in others:
            page.related_resources.add(RelatedResource(resource=other))
        page.save_revision().publish()
        return f"/resources/{slug}/"

    def count_queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small, large = build("small", 1), build("large", 6)
    assert count_queries(small) == count_queries(large)


@pytest.mark.django_db
def test_library_and_feed_work_in_another_language(client, library):

    make_resource(library, title="Paper", tags=["China"])
    french = Locale.objects.get(language_code="fr")
    home_fr = library.get_parent().copy_for_translation(french)
    home_fr.save_revision().publish()
    library_fr = library.copy_for_translation(french, copy_parents=False)
    library_fr.save_revision().publish()
    assert client.get("/fr/resources/").status_code == 200
    feed = client.get("/fr/resources/feed/?topic=china")
    assert feed.status_code == 200
    ET.fromstring(feed.content)  # noqa: S314 (our own feed)


@pytest.mark.django_db
def test_places_are_managed_as_snippets(admin_client, home_page):
    make_place("china", "China")
    response = admin_client.get("/admin/snippets/resources/place/")
    assert response.status_code == 200
    assert "China" in response.content.decode()
