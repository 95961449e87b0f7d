"""The campaign page's weight budget and responsive images.

Gzip sizes are deterministic, so the byte budgets are ordinary tests: the
HTML as the server sends it, plus every stylesheet, script and font it
loads, each compressed at gzip's level 6 (what WhiteNoise and most servers
use).
"""

import gzip
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

# The demo fixture needs pytest-django to make the test database.
pytestmark = pytest.mark.django_db

CAMPAIGN_BUDGET = 40 * 1024  # HTML + CSS + JS + fonts, compressed
SCRIPT_BUDGET = 10 * 1024  # JavaScript, compressed
FONT_URL = re.compile(r"url\(\s*['\"]?([^'\")]+\.(?:woff2?|ttf|otf))", re.I)
MODERN_IMAGE = re.compile(r"\.(webp|avif)(\s|$|,)", re.I)


def gzip_size(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def static_file(url):
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url} is not a static file"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{url} is not found in the static files"
    with open(found, "rb") as file:
        return file.read()


def page_weight(html):
    """Compressed bytes of each kind of file the page loads, images apart."""
    soup = BeautifulSoup(html, "html.parser")
    weights = {"html": gzip_size(html), "css": 0, "js": 0, "fonts": 0}
    for link in soup.select('link[rel~="stylesheet"][href]'):
        css = static_file(link["href"])
        weights["css"] += gzip_size(css)
        for font in set(FONT_URL.findall(css.decode())):
            font_url = (
                font
                if font.startswith("/")
                else link["href"].rsplit("/", 1)[0] + "/" + font
            )
            weights["fonts"] += gzip_size(static_file(font_url))
    for script in soup.select("script[src]"):
        weights["js"] += gzip_size(static_file(script["src"]))
    return weights


def test_campaign_page_weighs_at_most_40_kb_compressed(demo_observations):
    weights = page_weight(demo_observations["campaign"].response.content)
    assert sum(weights.values()) <= CAMPAIGN_BUDGET, weights
    assert weights["js"] <= SCRIPT_BUDGET, weights


def test_every_page_type_stays_within_the_budget(demo_observations):
    over = {}
    for name, observation in demo_observations.items():
        weights = page_weight(observation.response.content)
        if sum(weights.values()) > CAMPAIGN_BUDGET or weights["js"] > SCRIPT_BUDGET:
            over[name] = weights
    assert not over


def test_campaign_images_are_responsive_sized_and_lazy(demo_observations):
    soup = BeautifulSoup(demo_observations["campaign"].response.content, "html.parser")
    images = soup.select("main img")
    assert images, "the demo campaign shows images"
    problems = []
    for index, img in enumerate(images):
        picture = img.find_parent("picture")
        sources = [img.get("srcset", "")]
        if picture:
            sources += [s.get("srcset", "") for s in picture.find_all("source")]
        name = img.get("src", "?")
        if not img.get("width") or not img.get("height"):
            problems.append(f"{name}: no width and height")
        if not any("," in s or " " in s.strip() for s in sources if s):
            problems.append(f"{name}: no srcset with several widths")
        if not any(MODERN_IMAGE.search(s) for s in sources):
            problems.append(f"{name}: no WebP or AVIF rendition")
        # The first image (the hero) is above the fold; every other waits.
        if index > 0 and img.get("loading") != "lazy":
            problems.append(f"{name}: not loading=lazy below the fold")
    assert not problems
