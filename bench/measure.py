"""In-process measures of each page type: SQL queries, render time, bytes.

Run by bench/run.py inside the benchmark server's database and settings,
with the page cache off (every request renders): prints one JSON line.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

RENDERS = 15


def image_bytes(html):
    """Bytes of the images a phone would fetch: each <img>'s first srcset
    candidate of its first <source> (the modern format), else its src."""
    from bs4 import BeautifulSoup
    from django.conf import settings

    soup = BeautifulSoup(html, "html.parser")
    total = 0
    for img in soup.select("img"):
        picture = img.find_parent("picture")
        source = picture.find("source") if picture else None
        srcset = (source.get("srcset") if source else None) or img.get("srcset", "")
        url = srcset.split(",")[0].split()[0] if srcset else img.get("src", "")
        if url.startswith(settings.MEDIA_URL):
            path = Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)
            if path.exists():
                total += path.stat().st_size
    return total


def main():
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.proof.test_page_weight import gzip_size, page_weight

    pages = json.loads(sys.stdin.read())
    client = Client(HTTP_HOST=os.environ["PROOF_SERVER_URL"].split("//", 1)[1])
    results = {}
    for page in pages:
        client.get(page["path"])  # renditions, template loading, connections
        client.get(page["path"])
        timings = []
        for _ in range(RENDERS):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(page["path"])
                timings.append((time.perf_counter() - start) * 1000)
        weights = page_weight(response.content)
        results[page["name"]] = {
            "status": response.status_code,
            "queries": len(queries),
            "render_ms": statistics.median(timings),
            "html": gzip_size(response.content),
            "css": weights["css"],
            "js": weights["js"],
            "fonts": weights["fonts"],
            "images": image_bytes(response.content),
            "raw_html": len(response.content),
        }
    print("MEASURES=" + json.dumps(results))  # noqa: T201


if __name__ == "__main__":
    os.environ["BENCH_PAGE_CACHE"] = "0"
    main()
