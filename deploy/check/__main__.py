"""`make prod-check`: start the production topology, check it, print the figures.

Exits non-zero when any check fails. Every process it starts is stopped on
the way out (also on Ctrl-C or SIGTERM), and its database dropped.
"""

import json
import re
import signal
import sys
import time

from playwright.sync_api import sync_playwright

from deploy.check import browser
from deploy.check.client import FrontClient, plain_http
from deploy.check.media import Upload
from deploy.check.outage import check_outage
from deploy.check.topology import (
    ADMIN_PASSWORD,
    ADMIN_USER,
    Topology,
    wait_until,
)

PAGES_SCRIPT = (
    "import json; from tests.proof.pages import describe_pages; "
    "print('PAGES=' + json.dumps(describe_pages()))"
)


class Report:
    """Each check's verdict, and the figures the issue asks for."""

    def __init__(self):
        self.rows = []
        self.figures = {}
        self.started = time.monotonic()

    def check(self, name, ok, detail=""):
        self.rows.append((name, bool(ok), str(detail)))
        print(f"  {'PASS' if ok else 'FAIL'}  {name}  {detail}", flush=True)  # noqa: T201
        return ok

    def attempt(self, name, function, *args):
        """Runs one step; an exception fails it and the run goes on."""
        try:
            return function(*args)
        except Exception as error:  # noqa: BLE001 - reported, and the run fails
            self.check(name, False, f"{type(error).__name__}: {error}"[:600])
            return None

    @property
    def failed(self):
        return [name for name, ok, _ in self.rows if not ok]

    def print(self):
        width = max(len(name) for name, _, _ in self.rows)
        lines = ["", "== prod-check results", ""]
        lines += [
            f"{'PASS' if ok else 'FAIL'}  {n:<{width}}  {d}" for n, ok, d in self.rows
        ]
        lines += ["", "== figures", ""]
        lines += [f"{key}: {value}" for key, value in self.figures.items()]
        minutes = (time.monotonic() - self.started) / 60
        lines += [
            "",
            f"{len(self.rows) - len(self.failed)} passed, "
            f"{len(self.failed)} failed, in {minutes:.1f} min",
        ]
        print("\n".join(lines), flush=True)  # noqa: T201


def public_pages(topology):
    out = topology.manage("shell", "-c", PAGES_SCRIPT)
    line = next(x for x in out.splitlines() if x.startswith("PAGES="))
    return json.loads(line.removeprefix("PAGES="))


def check_front(report, topology, front):
    redirect = plain_http(topology.http_port, "/")
    report.check(
        "plain HTTP is redirected to https",
        redirect.status in (301, 308)
        and redirect.header("location").startswith("https://"),
        f"{redirect.status} {redirect.header('location')}",
    )
    forged = front.get("/", headers={"X-Forwarded-Proto": "http"})
    report.check(
        "a forged X-Forwarded-Proto is overwritten by the front",
        forged.status == 200,
        f"answer {forged.status} (a redirect would mean the app believed the client)",
    )
    home = front.get("/").body.decode()
    css = re.search(r'href="(/static/[^"]+\.css)"', home)
    if report.check("the home page links a hashed stylesheet", css, css and css[1]):
        answer = front.get(css[1], headers={"Accept-Encoding": "gzip, zstd"})
        report.check(
            "static files: long immutable caching, compressed",
            answer.status == 200
            and "immutable" in answer.header("cache-control")
            and answer.header("content-encoding") in ("gzip", "zstd", "br"),
            f"{answer.header('cache-control')}; {answer.header('content-encoding')}",
        )


def check_pages(report, context, topology, pages):
    visits = [
        browser.visit(context, topology.base_url, p["name"], p["path"]) for p in pages
    ]
    wrong = [
        f"{v.name}: {v.status}"
        for v, p in zip(visits, pages, strict=True)
        if v.status != p["status"]
    ]
    report.check(
        f"{len(visits)} public page types answer as expected", not wrong, wrong
    )
    images = sum(len(v.images) for v in visits)
    loaded = sum(v.images_loaded for v in visits)
    report.check(
        "every image loads (naturalWidth > 0)",
        images == loaded,
        f"{loaded} of {images}",
    )
    foreign = sorted({url for v in visits for url in v.foreign})
    report.check("0 requests to other hosts", not foreign, foreign[:5])
    plain = [v.name for v in visits if v.encoding not in ("gzip", "zstd")]
    report.check("HTML compressed on the wire (gzip or zstd)", not plain, plain)
    campaign = next(v for v in visits if v.name == "campaign")
    report.figures["page types checked"] = len(visits)
    report.figures["images loaded"] = f"{loaded} of {images}"
    report.figures["campaign page HTML on the wire"] = (
        f"{campaign.wire_bytes} bytes ({campaign.encoding})"
    )


def check_uploads(report, context, topology, front, variant):
    upload = Upload(topology.dir, variant)
    browser.admin_upload(
        context.browser,
        topology.base_url,
        ADMIN_USER,
        ADMIN_PASSWORD,
        upload.image_path,
        upload.pdf_path,
        upload.names,
    )
    report.check(
        f"[{variant}] the editor uploads an image and a PDF in the admin", True
    )
    published = upload.publish(topology)
    stem = published["image_file"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    seen = browser.visit(context, topology.base_url, "resource", published["page"])
    renditions = [i for i in seen.images if stem in i["src"] and "/images/" in i["src"]]
    report.check(
        f"[{variant}] the image's renditions show on the published page",
        renditions and all(i["width"] > 0 for i in renditions) and not seen.foreign,
        f"{len(renditions)} rendition(s): "
        + ", ".join(i["src"].rsplit("/", 1)[-1] for i in renditions),
    )
    download = front.get(published["document_url"])
    direct = front.get("/media/" + published["document_file"])
    report.check(
        f"[{variant}] the PDF downloads from the site (serve view), not from /media/",
        download.status == 200
        and download.body == stored_file(topology, published["document_file"])
        and direct.status == 404,
        f"{download.status}, {len(download.body)} bytes; "
        f"/media/ answers {direct.status}",
    )
    attempts = iter(range(10_000))

    def found():
        # A fresh URL each time: a cached "no result" page must not hide
        # the moment the worker has indexed the paper.
        path = f"{published['library']}?q={upload.word}&attempt={next(attempts)}"
        return upload.names["page"] in front.get(path).body.decode(errors="replace")

    started = time.monotonic()
    report.check(
        f"[{variant}] the library search finds the PDF's words after the worker ran",
        wait_until(found, 90, interval=1),
        f"'{upload.word}' found in {time.monotonic() - started:.1f} s",
    )
    return published


def stored_file(topology, name):
    """The bytes the storage holds (the upload may have been cleaned)."""
    if topology.env["MEDIA_BACKEND"] == "s3":
        bucket = topology.env["MEDIA_S3_BUCKET"]
        return topology.s3_client().get_object(Bucket=bucket, Key=name)["Body"].read()
    return (topology.dir / "media" / name).read_bytes()


def check_s3_objects(report, topology, published):
    keys = {
        o["Key"]
        for o in topology.s3_client()
        .list_objects_v2(Bucket=topology.env["MEDIA_S3_BUCKET"])
        .get("Contents", [])
    }
    wanted = [published["image_file"], published["document_file"]]
    name = published["image_file"].rsplit("/")[-1]
    local = list((topology.dir / "media").rglob(name))
    report.check(
        "[s3] the uploads are stored in the bucket, not on the local volume",
        all(key in keys for key in wanted)
        and any(k.startswith("images/") for k in keys)
        and not local,
        f"{len(keys)} objects in the bucket",
    )


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    report = Report()
    topology = Topology()
    print(f"prod-check in {topology.dir}", flush=True)  # noqa: T201
    try:
        topology.start_redis()
        topology.create_database()
        started = time.monotonic()
        topology.prepare()
        report.check(
            "migrate, demo content, collectstatic with production settings",
            True,
            f"{time.monotonic() - started:.0f} s",
        )
        topology.start_app()
        topology.start_front()
        front = FrontClient(topology.https_port, topology.ca_file())
        pages = public_pages(topology)
        report.attempt("the front", check_front, report, topology, front)
        with sync_playwright() as playwright:
            chromium = browser.launch(playwright)
            context = chromium.new_context(ignore_https_errors=True, locale="en-GB")
            report.attempt(
                "public pages", check_pages, report, context, topology, pages
            )
            report.attempt(
                "[local] uploads",
                check_uploads,
                report,
                context,
                topology,
                front,
                "local",
            )
            report.attempt("Redis outage", check_outage, report, topology, front, pages)
            # The storage variant: the same app and front, media on S3.
            topology.stop("front")
            topology.stop_app()
            topology.start_s3()
            topology.start_app()
            topology.start_front()
            published = report.attempt(
                "[s3] uploads", check_uploads, report, context, topology, front, "s3"
            )
            if published:
                report.attempt(
                    "[s3] bucket", check_s3_objects, report, topology, published
                )
            chromium.close()
        for service in ("web", "worker", "worker-documents", "scheduler", "front"):
            report.check(
                f"{service} still running at the end",
                topology.alive(service),
                topology.log_tail(service, 300) if not topology.alive(service) else "",
            )
    except Exception as error:  # noqa: BLE001 - the topology did not come up
        report.check(
            "the topology starts", False, f"{type(error).__name__}: {error}"[:2000]
        )
    finally:
        if report.failed:
            for name in ("web", "worker", "worker-documents", "front"):
                tail = topology.log_tail(name, 1500)
                if tail.strip():
                    print(f"\n-- {name} log (end)\n{tail}")  # noqa: T201
        topology.stop_all()
        report.print()
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
