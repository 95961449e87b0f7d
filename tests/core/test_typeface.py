"""Editors choose the heading typeface in Settings > Brand, within the budget.

The shipped faces reach pages only through /theme.css, only when chosen, as
self-hosted subset files that a browser downloads per script (unicode-range).
"""

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage
from wagtail.models import Page, Site

from core.brand import TYPEFACES, BrandSettings
from tests.demo import rolled_back_demo

pytestmark = pytest.mark.django_db

CAMPAIGN_BUDGET = 40 * 1024  # HTML + CSS + JS + fonts, as tests/proof states
LATIN_FONT_BUDGET = 16 * 1024  # the fonts an English page downloads
STATIC_DIR = Path(settings.BASE_DIR) / "mysite" / "static"
# What site.css sets in var(--font-heading): the only text the faces draw.
HEADING_TEXT = (
    "h1, h2, h3, h4, .site-header__brand, .site-footer__name, "
    ".campaign-hero__hashtag, .key-figure__value, .demands__demand"
)
FACE = re.compile(r"@font-face\s*{([^}]*)}")
SHIPPED = TYPEFACES["noto-tajawal"]


def choose(typeface):
    brand = BrandSettings.for_site(Site.objects.get(is_default_site=True))
    brand.typeface = typeface
    brand.full_clean()
    brand.save()
    return brand


def theme_css(client, brand):
    return client.get(brand.stylesheet_url()).content.decode()


def declared_faces(css):
    """Each @font-face of a stylesheet as {family, url, ranges, ...}."""
    faces = []
    for body in FACE.findall(css):
        pairs = (part.split(":", 1) for part in body.split(";") if ":" in part)
        rules = {name.strip(): value.strip() for name, value in pairs}
        faces.append(
            {
                "family": rules["font-family"].strip('"'),
                "url": re.search(r'url\("([^"]+)"\)', rules["src"]).group(1),
                "ranges": parse_ranges(rules["unicode-range"]),
                "display": rules["font-display"],
                "weight": rules["font-weight"],
            }
        )
    return faces


def parse_ranges(text):
    ranges = []
    for part in text.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


def static_bytes(url):
    found = finders.find(url.removeprefix(settings.STATIC_URL))
    assert found, f"{url} is not in the static files"
    return Path(found).read_bytes()


def downloaded_faces(html, faces):
    """The faces a browser fetches for a page: for each character of its
    heading text, the first family in the stack (Arabic first on Arabic parts,
    none on Chinese ones, as theme.css orders them) whose range holds it."""
    soup = BeautifulSoup(html, "html.parser")
    needed = set()
    for element in soup.select(HEADING_TEXT):
        lang = next((p["lang"] for p in element.find_parents() if p.get("lang")), "")
        lang = element.get("lang", lang).split("-")[0]
        if lang == "zh":
            continue
        order = (
            [SHIPPED.arabic, SHIPPED.latin]
            if lang == "ar"
            else [SHIPPED.latin, SHIPPED.arabic]
        )
        for char in set(element.get_text()):
            for family in order:
                face = next(
                    (
                        f
                        for f in faces
                        if f["family"] == family
                        and any(a <= ord(char) <= b for a, b in f["ranges"])
                    ),
                    None,
                )
                if face:
                    needed.add(face["url"])
                    break
    return needed


def test_the_system_choice_adds_no_font(client):
    brand = choose("system")
    brand.primary = "#4b1d6b"  # a stylesheet to read: the colours differ
    brand.save()
    css = theme_css(client, brand)
    assert "@font-face" not in css
    assert "--font-heading" not in css


def test_choosing_the_typeface_alone_links_the_stylesheet(client):
    brand = choose("noto-tajawal")
    assert brand.stylesheet_url() in client.get("/no-such-page/").content.decode()


def test_the_shipped_typeface_declares_one_swapping_face_per_subset(client):
    css = theme_css(client, choose("noto-tajawal"))
    faces = declared_faces(css)
    assert [(f["family"], f["url"]) for f in faces] == [
        (face.family, settings.STATIC_URL + face.path) for face in SHIPPED.faces
    ]
    assert {f["display"] for f in faces} == {"swap"}
    # Bold files drawn for every bold weight, so no browser fakes a bolder one.
    assert {f["weight"] for f in faces} == {"600 900"}
    for face in faces:
        assert static_bytes(face["url"])[:4] == b"wOF2", face["url"]


def test_font_stacks_put_the_script_first_and_fall_back_to_system_fonts(client):
    css = theme_css(client, choose("noto-tajawal"))
    assert (
        '--font-heading: "Brand Noto Sans", "Brand Tajawal", var(--font-body);' in css
    )
    assert (
        ':lang(ar) { --font-heading: "Brand Tajawal", "Brand Noto Sans", '
        "var(--font-body); }" in css
    )
    assert ":lang(zh) { --font-heading: var(--font-body); }" in css


def test_each_script_has_its_subset():
    faces = [
        {"family": f.family, "url": f.path, "ranges": parse_ranges(f.unicode_range)}
        for f in SHIPPED.faces
    ]

    def face_for(char, family):
        return next(
            f["url"]
            for f in faces
            if f["family"] == family
            and any(a <= ord(char) <= b for a, b in f["ranges"])
        )

    assert face_for("é", SHIPPED.latin).endswith("latin-700-normal.woff2")
    assert face_for("Ж", SHIPPED.latin).endswith("cyrillic-700-normal.woff2")
    assert face_for("ع", SHIPPED.arabic).endswith("arabic-700-normal.woff2")
    assert face_for(" ", SHIPPED.arabic).endswith("arabic-700-normal.woff2")


def test_each_font_file_ships_with_its_licence():
    for face in SHIPPED.faces:
        licence = (STATIC_DIR / face.path).parent / "OFL.txt"
        assert "SIL Open Font License, Version 1.1" in licence.read_text()


def test_theme_css_names_the_fonts_by_their_hashed_names(client, settings, tmp_path):
    """Production's manifest storage gives each file a hashed name (cached for
    a year by WhiteNoise); theme.css must use those names, not the bare ones."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    from django.contrib.staticfiles.storage import staticfiles_storage

    source = FileSystemStorage(location=STATIC_DIR)
    paths = {face.path: (source, face.path) for face in SHIPPED.faces}
    for _processed in staticfiles_storage.post_process(paths):
        pass
    css = theme_css(client, choose("noto-tajawal"))
    for face in declared_faces(css):
        assert re.search(r"-700-normal\.[0-9a-f]{12}\.woff2$", face["url"]), face
        assert (tmp_path / face["url"].removeprefix(settings.STATIC_URL)).exists()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with rolled_back_demo(django_db_blocker):
        yield


def campaign_weight(client, path):
    """Compressed HTML, CSS and JS (gzip 6, as tests/proof counts them) and
    the raw bytes of the fonts it downloads (woff2 is compressed already)."""
    html = client.get(path).content
    soup = BeautifulSoup(html, "html.parser")
    weights = {"html": len(gzip.compress(html, 6, mtime=0)), "css": 0, "js": 0}
    faces = []
    for link in soup.select('link[rel~="stylesheet"][href]'):
        if link["href"].startswith(settings.STATIC_URL):
            css = static_bytes(link["href"])
        else:
            css = client.get(link["href"]).content
            faces += declared_faces(css.decode())
        weights["css"] += len(gzip.compress(css, 6, mtime=0))
    for script in soup.select("script[src]"):
        weights["js"] += len(gzip.compress(static_bytes(script["src"]), 6, mtime=0))
    needed = downloaded_faces(html, faces)
    weights["fonts"] = sum(len(static_bytes(url)) for url in needed)
    return weights, needed


def test_an_english_campaign_with_the_typeface_stays_within_budget(demo, client):
    choose("noto-tajawal")
    campaign = Page.objects.get(
        locale__language_code="en", campaignpage__hashtag="#EndReprisals"
    )
    weights, needed = campaign_weight(client, campaign.url)
    assert [url.rsplit("/", 1)[-1] for url in needed] == [
        "noto-sans-latin-700-normal.woff2"
    ]
    assert weights["fonts"] <= LATIN_FONT_BUDGET, weights
    assert sum(weights.values()) <= CAMPAIGN_BUDGET, weights


def test_an_arabic_page_downloads_the_arabic_subset(client):
    choose("noto-tajawal")
    # An Arabic page's headings are Arabic; the organisation's name may be
    # Latin (it is not translated), so the Latin file may come too.
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert 'lang="ar"' in response.content.decode()
    weights, needed = campaign_weight(client, "/ar/no-such-page/")
    names = {url.rsplit("/", 1)[-1] for url in needed}
    assert "tajawal-arabic-700-normal.woff2" in names
    assert "noto-sans-cyrillic-700-normal.woff2" not in names
    assert sum(weights.values()) <= CAMPAIGN_BUDGET, weights
