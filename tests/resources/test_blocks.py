"""The resource-listing block: chosen resources, or the latest by topic or type."""

import datetime

import pytest
from django.test import RequestFactory
from wagtail.blocks.struct_block import StructBlockValidationError

from resources.blocks import ResourceListingBlock
from resources.models import ResourceType
from tests.resources.conftest import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def papers(library):
    return [
        make_resource(
            library,
            title=f"Paper {number}",
            resource_type=ResourceType.BRIEFING_PAPER
            if number % 2
            else ResourceType.REPORT,
            publication_date=datetime.date(2024, 1, number),
            tags=["China"] if number <= 3 else ["Other"],
            summary=f"Summary {number}.",
        )
        for number in range(1, 6)
    ]


def render(block, data, page=None):
    value = block.to_python(data)
    request = RequestFactory().get("/")
    return value, block.render(value, context={"page": page, "request": request})


def test_chosen_mode_shows_the_picked_resources_in_order(papers):
    block = ResourceListingBlock()
    papers[1].unpublish()
    value, html = render(
        block,
        {
            "mode": "chosen",
            "heading": "Read more",
            "items": [papers[4].pk, papers[1].pk, papers[0].pk],
        },
    )
    assert [page.title for page in value.resources()] == ["Paper 5", "Paper 1"]
    assert html.index("Paper 5") < html.index("Paper 1")
    assert "Paper 2" not in html  # unpublished since it was chosen
    assert "Summary 5." in html
    assert "/resources/paper-5/" in html
    assert "<h2" in html and "Read more" in html


def test_latest_mode_by_tag(papers):
    value, html = render(
        ResourceListingBlock(),
        {"mode": "latest", "heading": "On China", "tag": "china", "count": 2},
    )
    assert [page.title for page in value.resources()] == ["Paper 3", "Paper 2"]
    assert 'href="/resources/?topic=china"' in html


def test_latest_mode_by_type_and_tag(papers):
    value, html = render(
        ResourceListingBlock(),
        {
            "mode": "latest",
            "heading": "Briefings",
            "tag": "China",
            "resource_type": "briefing-paper",
            "count": 6,
        },
    )
    assert [page.title for page in value.resources()] == ["Paper 3", "Paper 1"]
    assert "Briefing paper" in html
    assert "type=briefing-paper" in html


def test_latest_mode_follows_new_publications(library, papers):
    block = ResourceListingBlock()
    value = block.to_python(
        {"mode": "latest", "heading": "Reports", "resource_type": "report", "count": 1}
    )
    assert [page.title for page in value.resources()] == ["Paper 4"]
    make_resource(
        library,
        title="Newest report",
        resource_type=ResourceType.REPORT,
        publication_date=datetime.date(2025, 1, 1),
    )
    assert [page.title for page in value.resources()] == ["Newest report"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"mode": "chosen", "heading": "H", "items": []}, "items"),
        ({"mode": "latest", "heading": "H", "count": 3}, "tag"),
        ({"mode": "latest", "heading": "H", "tag": "unknown", "count": 3}, "tag"),
    ],
)
def test_each_mode_requires_its_fields(papers, data, field):
    block = ResourceListingBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(data))
    assert field in error.value.block_errors


@pytest.mark.parametrize(
    ("data", "titles"),
    [
        ({"mode": "chosen", "heading": "H", "items": "FIRST"}, ["Paper 1"]),
        (
            {"mode": "latest", "heading": "H", "tag": "China", "count": 3},
            ["Paper 3", "Paper 2", "Paper 1"],
        ),
        (
            {"mode": "latest", "heading": "H", "resource_type": "report", "count": 3},
            ["Paper 4", "Paper 2"],
        ),
        # "How many" is only for the latest; empty means three.
        (
            {"mode": "chosen", "heading": "H", "items": "FIRST", "count": None},
            ["Paper 1"],
        ),
        (
            {
                "mode": "latest",
                "heading": "H",
                "resource_type": "report",
                "count": None,
            },
            ["Paper 4", "Paper 2"],
        ),
    ],
)
def test_valid_values_pass_and_keep_their_selection(papers, data, titles):
    if data.get("items") == "FIRST":
        data["items"] = [papers[0].pk]
    block = ResourceListingBlock()
    cleaned = block.clean(block.to_python(data))
    assert cleaned["mode"] == data["mode"]
    assert [page.title for page in cleaned.resources()] == titles


def test_preview_renders(papers):
    block = ResourceListingBlock()
    html = block.render(block.get_preview_value())
    assert "Paper 5" in html


def test_empty_selection_says_so(library):
    _value, html = render(
        ResourceListingBlock(),
        {"mode": "latest", "heading": "H", "tag": "none", "count": 3},
    )
    assert "No resources to show yet." in html


def test_topics_are_chosen_from_those_resources_carry(papers):
    block = ResourceListingBlock()
    field = block.child_blocks["tag"].field
    assert [choice for choice in field.choices if choice[0]] == [
        ("china", "China"),
        ("other", "Other"),
    ]


def test_a_topic_typed_by_hand_before_reads_as_its_slug(papers):
    block = ResourceListingBlock()
    value = block.to_python({"mode": "latest", "heading": "H", "tag": "China"})
    assert value["tag"] == "china"
    assert len(value.resources()) == 3


def test_the_editor_shows_only_the_fields_of_the_chosen_mode():
    from wagtail.admin.telepath import JSContext

    context = JSContext()
    context.pack(ResourceListingBlock())
    assert "resources/js/resource-listing-block.js" in str(context.media)
