"""`make bench`: one table of what each public page type costs, on this machine.

For the demo content, then again with 1,000 generated resources:
- SQL queries and median render time of an uncached request (in process);
- requests per second and p99 latency under gunicorn (2 workers, 8
  concurrent clients, 10 s, wrk or a Python load generator) for the page
  uncached, the page from the page cache, and a static file served by the
  same process, with the ratios page/static;
- bytes on the wire, gzip-compressed: HTML, CSS, JS, fonts (images apart);
- Lighthouse mobile scores (demo content only).

Then the scale set: render ms and queries per page type at 10 (the demo),
1,000 and --resources resources (generated papers with several pages of
PDF text each, bench/generate.py), searches and the library's last page
included. On PostgreSQL when DATABASE_URL is set (an empty database of
its own), else SQLite.

Options: --seconds N (load duration, default 10), --resources N (default
10000), --no-lighthouse, --pages NAME,NAME (a subset, for a quick look).
"""

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

from bench.lighthouse import LIGHTHOUSE_RETRIES, NOINDEX, lighthouse
from tests.browser.server import PROJECT_DIR, LiveSite

STATIC_PATH = "/static/css/site.css"
# A bogus session cookie makes the page cache step aside (it serves only
# readers without a session), so every request renders: "uncached".
UNCACHED_HEADERS = {"Cookie": "sessionid=bench-uncached"}


def run_python(site, module, *args, stdin=None):
    result = subprocess.run(  # noqa: S603 - our own modules
        [sys.executable, "-m", module, *args],
        cwd=PROJECT_DIR,
        env=site.env,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"{module} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def measure(site, pages):
    out = run_python(
        site,
        "bench.measure",
        stdin=json.dumps(pages),
    )
    line = next(x for x in out.splitlines() if x.startswith("MEASURES="))
    return json.loads(line.removeprefix("MEASURES="))


def wrk(url, seconds, headers):
    """(requests per second, p99 latency in ms, non-2xx/3xx count) with wrk."""
    command = [shutil.which("wrk"), "-t2", "-c8", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99[2]]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rps, float(p99[1]) * scale, int(errors[1]) if errors else 0


def python_load(url, seconds, headers, clients=8):
    """The same measure without wrk: 8 threads, keep-alive connections."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies, errors = [], [0]
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def client():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine = []
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status >= 400 and response.status != 404:
                    errors[0] += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                connection.close()
            mine.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else 0
    return len(latencies) / seconds, p99, errors[0]


def load(url, seconds, headers=None):
    headers = headers or {}
    if shutil.which("wrk"):
        return wrk(url, seconds, headers)
    return python_load(url, seconds, headers)


def throughput(site, pages, seconds):
    static = load(site.url + STATIC_PATH, seconds)
    results = {}
    for page in pages:
        url = site.url + page["path"]
        load(url, 1)  # warm both workers' caches
        results[page["name"]] = {
            "uncached": load(url, seconds, UNCACHED_HEADERS),
            "cached": load(url, seconds),
        }
    return static, results


def table(title, measures, static, loads, scores):
    static_rps = static[0]
    lines = [
        f"\n{title}",
        f"static file {STATIC_PATH}: {static_rps:,.0f} req/s, p99 {static[1]:.1f} ms",
        "",
        "| page | queries | render ms | uncached req/s | p99 ms | cached req/s"
        " | p99 ms | uncached/static | cached/static | HTML | CSS | JS | fonts"
        " | total KB | images KB | Lighthouse P/A/BP/SEO |",
        "|" + "---|" * 16,
    ]
    for name, m in measures.items():
        row = loads.get(name)
        kb = (m["html"] + m["css"] + m["js"] + m["fonts"]) / 1024
        if row:
            (u_rps, u_p99, _ue), (c_rps, c_p99, _ce) = row["uncached"], row["cached"]
            load_cells = (
                f"{u_rps:,.0f} | {u_p99:.1f} | {c_rps:,.0f} | {c_p99:.1f} | "
                f"{u_rps / static_rps:.2f} | {c_rps / static_rps:.2f}"
            )
        else:
            load_cells = "- | - | - | - | - | -"
        score = "/".join(str(s) for s in scores.get(name, [])) or "-"
        lines.append(
            f"| {name} | {m['queries']} | {m['render_ms']:.1f} | {load_cells} | "
            f"{m['html'] / 1024:.1f} | {m['css'] / 1024:.1f} | {m['js'] / 1024:.1f} | "
            f"{m['fonts'] / 1024:.1f} | {kb:.1f} | {m['images'] / 1024:.1f} | {score} |"
        )
    return "\n".join(lines)


def scale_pages(pages):
    """The page types that grow with the archive, with their searches."""
    library = next((p for p in pages if p["name"] == "library"), None)
    if library is None:
        return pages
    extra = [
        ("library searched, filtered", "?q=reprisals&type=report"),
        ("library searched, three words", "?q=torture+lawyers+kong"),
        ("library last page", "?page=last"),
    ]
    return (
        pages
        + [
            {**library, "name": name, "path": library["path"] + query}
            for name, query in extra
        ]
        + [{**library, "name": "search, page 2", "path": "/search/?q=reprisals&page=2"}]
    )


def scale_table(sizes, runs):
    names = list(runs[0])
    header = " | ".join(
        f"+{size:,} resources: queries / ms / HTML KB" for size in sizes
    )
    lines = [f"\n| page | {header} |", "|---|" + "---|" * len(sizes)]
    for name in names:
        cells = " | ".join(
            f"{run[name]['queries']} / {run[name]['render_ms']:.1f} / "
            f"{run[name]['raw_html'] / 1024:.1f}"
            for run in runs
        )
        lines.append(f"| {name} | {cells} |")
    return "\n".join(lines)


def bench(site, pages, seconds, with_lighthouse):
    measures = measure(site, pages)
    loaded = [p for p in pages if p["shared_cache"] and p["status"] == 200]
    static, loads = throughput(site, loaded, seconds)
    # Lighthouse does not audit error pages (the 404, a dead link's 400).
    audited = [p for p in pages if p["status"] == 200]
    scores = lighthouse(site, audited) if with_lighthouse else {}
    return measures, static, loads, scores


def verdicts(demo, more, resources):
    """The budgets of bench/README.md, met or not, from this run's figures."""
    measures, static, loads, scores = demo
    lines = []

    def verdict(label, failures):
        state = "met" if not failures else f"NOT met: {failures}"
        lines.append(f"- {label}: {state}")

    verdict(
        "at most 15 queries per page type",
        {n: m["queries"] for n, m in measures.items() if m["queries"] > 15},
    )
    verdict(
        # Fewer is not growth: the site search's first page costs one query
        # per page type among its results, and the demo's results are of
        # more types than a page of papers.
        f"no more queries with {resources} more resources",
        {
            n: (m["queries"], more[0][n]["queries"])
            for n, m in measures.items()
            if more[0][n]["queries"] > m["queries"]
        },
    )
    campaign = measures.get("campaign")
    if campaign:
        total = campaign["html"] + campaign["css"] + campaign["js"] + campaign["fonts"]
        verdict(
            "campaign page <= 40 KB (HTML+CSS+JS+fonts) and <= 10 KB JS",
            {}
            if total <= 40 * 1024 and campaign["js"] <= 10 * 1024
            else {"total": total, "js": campaign["js"]},
        )
        verdict(
            "uncached campaign render < 40 ms median (a guide)",
            {}
            if campaign["render_ms"] < 40
            else {"ms": round(campaign["render_ms"], 1)},
        )
    verdict(
        "cached page throughput >= half the static file's",
        {
            n: round(row["cached"][0] / static[0], 2)
            for n, row in loads.items()
            if row["cached"][0] < static[0] / 2
        },
    )
    if scores:
        # Pages that ask not to be indexed (search results, emailed-link
        # pages) cannot score 100 on SEO; the budget exempts them from it.
        verdict(
            "Lighthouse mobile 100/100/100/100 (noindex pages: SEO exempt)",
            {
                n: "/".join(map(str, s))
                for n, s in scores.items()
                if not all(isinstance(x, int) for x in s)
                or min(s[:3] if n in NOINDEX else s) < 100
            },
        )
        if LIGHTHOUSE_RETRIES:
            lines.append(
                "  (runs that did not load and were repeated: "
                + ", ".join(f"{n} {k}x" for n, k in LIGHTHOUSE_RETRIES.items())
                + ")"
            )
    else:
        lines.append("- Lighthouse mobile 100/100/100/100: not measured in this run")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--resources", type=int, default=10000)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--pages", default="")
    options = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", "")
    site = LiveSite(
        settings="bench.settings",
        workers=2,
        threads=1,
        extra_env={"BENCH_DATABASE_URL": database_url} if database_url else None,
    )
    sizes = sorted({1000, options.resources})
    started = time.monotonic()
    try:
        print("Preparing the demo site ...", flush=True)  # noqa: T201
        site.prepare()
        wanted = set(filter(None, options.pages.split(",")))
        pages = [p for p in site.pages if not wanted or p["name"] in wanted]
        site.serve()
        print(f"Measuring {len(pages)} page types ...", flush=True)  # noqa: T201
        demo = bench(site, pages, options.seconds, not options.no_lighthouse)
        scaled = scale_pages(pages)
        runs = [measure(site, scaled)]

        site.halt()
        print(f"Adding {sizes[0]} resources ...", flush=True)  # noqa: T201
        run_python(site, "bench.generate", str(sizes[0]))
        site.serve()
        more = bench(site, pages, options.seconds, with_lighthouse=False)
        runs.append(measure(site, scaled))
        added = sizes[0]
        for size in sizes[1:]:
            print(f"Adding {size - added} resources ...", flush=True)  # noqa: T201
            run_python(site, "bench.generate", str(size - added))
            added = size
            runs.append(measure(site, scaled))
    finally:
        site.stop()

    cpus = os.cpu_count()
    generator = "wrk" if shutil.which("wrk") else "a Python load generator"
    print(  # noqa: T201
        f"\nOne run on this machine ({cpus} CPUs, load {os.getloadavg()[0]:.1f}), "
        f"{'PostgreSQL' if database_url else 'SQLite'}, gunicorn 2 sync workers, "
        f"8 clients for {options.seconds} s each ({generator}); "
        f"sizes are gzip level 6. Took {time.monotonic() - started:.0f} s."
    )
    print(table("Demo content", *demo))  # noqa: T201
    print(table(f"Demo content + {sizes[0]} resources", *more))  # noqa: T201
    print("\nBudgets (demo content):\n" + verdicts(demo, more, sizes[0]))  # noqa: T201
    print(  # noqa: T201
        "\nScale set: uncached render in process (median of 15), demo content + "
        + scale_table([0, *sizes], runs)
    )


if __name__ == "__main__":
    main()
