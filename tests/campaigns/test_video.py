"""The video block: YouTube and Vimeo only, and nothing from them before a click."""

import re

import pytest
from django.core.exceptions import ValidationError

from campaigns.blocks import VideoBlock, parse_video_url
from tests import factories
from tests.campaigns.builders import make_campaign, make_campaign_index, video

HOST_DOMAINS = re.compile(
    r"youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|vimeocdn|ytimg|googlevideo",
    re.I,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", ("youtube", "abcdefghijk")),
        ("https://youtu.be/abcdefghijk", ("youtube", "abcdefghijk")),
        ("https://m.youtube.com/watch?v=abc-efg_ijk&t=3", ("youtube", "abc-efg_ijk")),
        ("https://www.youtube.com/embed/abcdefghijk", ("youtube", "abcdefghijk")),
        ("https://www.youtube.com/shorts/abcdefghijk", ("youtube", "abcdefghijk")),
        ("https://vimeo.com/123456", ("vimeo", "123456")),
        ("https://player.vimeo.com/video/123456", ("vimeo", "123456")),
        ("https://vimeo.com/channels/staffpicks/123456", ("vimeo", "123456")),
    ],
)
def test_known_addresses_are_understood(url, expected):
    assert parse_video_url(url)[:2] == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://videos.example.com/watch?v=abcdefghijk",
        "https://www.youtube.com.evil.example/watch?v=abcdefghijk",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/@channel",
        "https://vimeo.com/about",
        "javascript:alert(1)",
        "",
    ],
)
def test_other_addresses_are_rejected(url):
    assert parse_video_url(url) is None


def test_block_refuses_an_unknown_host_with_a_clear_message(db):
    block = VideoBlock()
    value = block.to_python(
        {"url": "https://dailymotion.com/video/x1", "title": "Film", "poster": None}
    )
    value["poster"] = factories.make_image()
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "YouTube or Vimeo" in str(error.value.block_errors["url"])


@pytest.fixture
def video_page(home_page):
    index = make_campaign_index(home_page)
    return make_campaign(
        index,
        body=[
            video(factories.make_image(), title="Reprisals at a glance"),
            video(
                factories.make_image("Second poster"),
                url="https://vimeo.com/123456/abcdef12",
                title="Second film",
            ),
        ],
    )


def test_page_loads_nothing_from_the_video_host_before_a_click(client, video_page):
    html = client.get(video_page.url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "<iframe" not in main
    # The host's domains appear only in the plain "Watch on" links.
    links = re.findall(r'<a class="video__link" href="([^"]+)"', main)
    assert links == [
        "https://www.youtube.com/watch?v=abcdefghijk",
        "https://vimeo.com/123456/abcdef12",
    ]
    assert len(HOST_DOMAINS.findall(main)) == 2
    assert (
        HOST_DOMAINS.findall(re.sub(r'class="video__link" href="[^"]+"', "", main))
        == []
    )


def test_play_button_is_a_labelled_button_and_script_is_deferred(client, video_page):
    html = client.get(video_page.url).content.decode()
    assert '<button type="button" class="video__play" hidden>' in html
    assert (
        'Play video<span class="visually-hidden">: Reprisals at a glance</span>' in html
    )
    assert '<script src="/static/campaigns/video.js" defer></script>' in html
    assert "<script>" not in html and " style=" not in html and "onclick" not in html


def test_video_script_builds_only_privacy_enhanced_players():
    from pathlib import Path

    import campaigns

    script = (
        Path(campaigns.__file__).parent / "static" / "campaigns" / "video.js"
    ).read_text()
    assert "https://www.youtube-nocookie.com/embed/" in script
    assert "dnt=1" in script
    assert "strict-origin-when-cross-origin" in script
    assert "www.youtube.com" not in script
