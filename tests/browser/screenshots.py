"""`make screenshots`: every public page type at phone and desktop width.

Starts the site with the demo content (tests/browser/server.py), then writes
screenshots/<language>/<page>-<width>.png for 412 px and 1366 px, for each
language of settings.LANGUAGES that has pages, plus the pattern library.
A language without pages yet is skipped and said so.
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
    """(name, path) of each page type in this language that exists."""
    prefix = "" if code == default else f"/{code}"
    found = []
    for page in site.pages:
        path = prefix + page["path"]
        if status(site.url + path) == page["status"]:
            found.append((page["name"], path))
    if status(site.url + prefix + "/patterns/") == 200:
        found.append(("patterns", prefix + "/patterns/"))
    return found


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
                pages = pages_for(site, default, code)
                if not any(name == "home" for name, _path in pages):
                    print(f"skipped {code}: no pages in this language yet")  # noqa: T201
                    continue
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
