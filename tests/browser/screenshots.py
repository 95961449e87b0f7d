"""`make screenshots`: every public page type at phone and desktop width.

Starts the site with the demo content (tests/browser/server.py), then writes
screenshots/<language>/<page>-<width>.png for 412 px and 1366 px, for each
language of settings.LANGUAGES that has pages written in it, plus the pattern
library. A language without such pages is skipped and said so.
"""

import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

from tests.browser.server import PROJECT_DIR, LiveSite

WIDTHS = {"phone": (412, 915), "desktop": (1366, 768)}
BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
OUT = Path(os.environ.get("SCREENSHOTS_DIR", PROJECT_DIR / "screenshots"))


def languages():
    # The site's own settings, read in this process without starting Django.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.dev")
    from django.conf import settings

    return settings.LANGUAGE_CODE, [code for code, _name in settings.LANGUAGES]


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def pages_for(site, default, code):
    """(name, path) of each page type as a reader of `code` opens it: at the
    translation's own address (tests/proof/pages.py: in_language)."""
    if code == default:
        found = [(page["name"], page["path"]) for page in site.pages]
    else:
        found = [
            (page["name"], page["path"])
            for page in site.language_pages
            if page["language"] == code
        ]
    prefix = "" if code == default else f"/{code}"
    if status(site.url + prefix + "/patterns/") == 200:
        found.append(("patterns", prefix + "/patterns/"))
    return found


def written_in(site, code):
    """Whether any page of the site is written in `code`."""
    return any(
        page["language"] == code and page["written_in_language"]
        for page in site.language_pages
    )


# Scrolls down a screen at a time, so that lazy images load as they would for
# a reader, then back to the top for the first-screen shot ("instant": the
# site scrolls smoothly for readers who have not asked for reduced motion).
SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
    window.scrollTo({ top: y, behavior: "instant" });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  window.scrollTo({ top: 0, behavior: "instant" });
}"""


def load_lazy_images(page):
    page.evaluate(SCROLL_THROUGH)
    page.wait_for_load_state("networkidle")


def main(only=None):
    from playwright.sync_api import sync_playwright

    default, codes = languages()
    site = LiveSite(extra_env={"SCREENSHOT_PATTERNS": "1"}).start()
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=BROWSER_ARGS
            )
            for code in codes:
                if code != default and not written_in(site, code):
                    print(f"skipped {code}: no pages in this language yet")  # noqa: T201
                    continue
                pages = pages_for(site, default, code)
                for width_name, viewport in WIDTHS.items():
                    context = browser.new_context(
                        viewport=dict(zip(("width", "height"), viewport, strict=True)),
                        locale=code,
                    )
                    page = context.new_page()
                    for name, path in pages:
                        if only and only not in name:
                            continue
                        page.goto(site.url + path, wait_until="load")
                        load_lazy_images(page)
                        slug = name.replace(" ", "-").replace(":", "")
                        target = OUT / code / f"{slug}-{width_name}.png"
                        target.parent.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(target), full_page=True)
                        first = OUT / code / f"{target.stem}-first-screen.png"
                        if name == "campaign":
                            page.screenshot(path=str(first))
                        written.append(target)
                    context.close()
            browser.close()
    finally:
        site.stop()
    for path in written:
        print(path.relative_to(OUT.parent) if OUT.is_relative_to(PROJECT_DIR) else path)  # noqa: T201
    return written


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
