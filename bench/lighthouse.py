"""Lighthouse mobile scores of the benchmark's pages, on Debian's Chromium."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

from tests.browser.conftest import BROWSER_ARGS, chromium_executable
from tests.browser.server import PROJECT_DIR

LIGHTHOUSE = PROJECT_DIR / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Page types whose Lighthouse run found them closed to search engines.
NOINDEX = set()
# Page types whose Lighthouse run failed to load and ran again: {name: failures}.
LIGHTHOUSE_RETRIES = {}


def lighthouse_report(url, folder):
    """One Lighthouse run's report (a dict), or None if it wrote none."""
    output = Path(folder) / "report.json"
    output.unlink(missing_ok=True)
    subprocess.run(  # noqa: S603
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={chromium_executable()}",
            f"--chrome-flags={' '.join(BROWSER_ARGS)}",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            "--output=json",
            f"--output-path={output}",
            "--quiet",
        ],
        cwd=PROJECT_DIR,
        capture_output=True,
        timeout=180,
        check=False,
    )
    return json.loads(output.read_text()) if output.exists() else None


def lighthouse(site, pages, attempts=3):
    """{page name: [scores]} or {page name: [error code]}.

    A run in which Chromium never painted the page (Lighthouse's
    runtimeError, such as NO_FCP, or a category without a score) measured the
    browser, not the page: it is run again, up to `attempts` times, and if
    every run failed the table shows the error instead of a score of 0.
    """
    if not LIGHTHOUSE.exists() or not os.path.exists(chromium_executable()):
        return {}
    scores = {}
    with tempfile.TemporaryDirectory() as folder:
        for page in pages:
            for _ in range(attempts):
                report = lighthouse_report(site.url + page["path"], folder) or {}
                error = report.get("runtimeError", {}).get("code")
                found = [
                    report.get("categories", {}).get(c, {}).get("score")
                    for c in LIGHTHOUSE_CATEGORIES
                ]
                if error or None in found:
                    scores[page["name"]] = [error or "no score"]
                    LIGHTHOUSE_RETRIES[page["name"]] = (
                        LIGHTHOUSE_RETRIES.get(page["name"], 0) + 1
                    )
                    continue
                scores[page["name"]] = [round(score * 100) for score in found]
                if report["audits"].get("is-crawlable", {}).get("score") == 0:
                    NOINDEX.add(page["name"])
                break
    return scores
