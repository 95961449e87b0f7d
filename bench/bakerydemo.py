"""`make bench-bakerydemo`: our uncached renders beside wagtail/bakerydemo's.

Issue 16's budget: the campaign page's uncached render at least 2x faster
than bakerydemo's blog post, in the same run on the same machine. Both sites
are served at once by gunicorn (2 sync workers each, on 127.0.0.1), each from
its own temporary folder and SQLite file (ours on PostgreSQL when
DATABASE_URL is set, as `make bench`; bakerydemo always on SQLite).

Pairs, ours / bakerydemo's: campaign / the first post the blog lists (the
budget's pair), home / home, library / blog index, search "reprisals" /
search "bread". 3 interleaved rounds (odd rounds ours first in every pair,
even ones bakerydemo first); per page and round 5 warm-up GETs, then 30 timed
sequential GETs with http.client (keep-alive where the server allows it:
gunicorn's sync workers close every connection, on both sites alike). A
page's figure is the median of its round medians; HTML sizes are raw bytes.

Ours is measured uncached, as an anonymous reader meets a page the page
cache does not hold yet: its server runs with the page cache off
(BENCH_PAGE_CACHE=0, bench/settings.py), and neither site gets a cookie (a
bogus session cookie, as `make bench` uses to step round the cache, would
cost a session lookup no anonymous reader pays). The cache sends no header
that tells a hit (on purpose: see core/serving/page_cache.py), so this is
proved first in a process with the server's settings: no response went
through the cache (the `page_cache` attribute the tests read). bakerydemo
has no page cache. Its blog index keeps the `{% wagtailcache %}` fragment of
its post list: its render as shipped.

bakerydemo: `git archive` of BAKERYDEMO_GIT (default: the local mirror) at
--commit (default HEAD), run by a venv of its own under
~/.cache/bench-bakerydemo/ (keyed by requirements/base.txt and the
interpreter: BAKERYDEMO_PYTHON, else the first Python >= 3.12 found), set up
with `migrate` and `load_initial_data`. Its settings are a module written
into the copy, bakerydemo/settings/bench.py: its base settings (no cache
middleware, debug toolbar commented out; Django's default local-memory
cache, as ours) with DEBUG off, its own SQLite file and media, and plain
static storage (only HTML is fetched). Not its production.py, which wants
collectstatic for WhiteNoise's manifest, redirects to HTTPS and reads
Redis, Elasticsearch and S3 settings.

Options: --rounds N (3), --requests N (30), --warmup N (5), --commit REV. It
exits 0 whether the budget is met or not; the verdict says which.
"""

import argparse
import glob
import hashlib
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import django
import wagtail

from tests.browser.server import LiveSite, free_port, stop_process_group

MIRROR = "/work/.mirror/wagtail+bakerydemo/repo"
CACHE_DIR = Path.home() / ".cache" / "bench-bakerydemo"
BUDGET = 2.0
# (our page, its path, bakerydemo's page, its path). A path of None is looked
# up: ours in LiveSite.pages by name, bakerydemo's blog post once it is loaded.
PAIRS = [
    ("campaign", None, "blog post", None),
    ("home", None, "home", "/"),
    ("library", None, "blog index", "/blog/"),
    ("search", "/search/?q=reprisals", "search", "/search/?q=bread"),
]
GUNICORN = "--workers 2 --worker-class sync --timeout 60 --log-level warning"
VERSIONS = "import sys, django, wagtail; print(sys.version.split()[0], "
VERSIONS += "wagtail.__version__, django.get_version())"
SETTINGS = '''"""Written by bench/bakerydemo.py: base settings, as in production."""

import os

from .base import *  # noqa: F403

STATE = os.environ["BENCH_BAKERY_DIR"]
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES["default"]["NAME"] = os.path.join(STATE, "db.sqlite3")  # noqa: F405
MEDIA_ROOT = os.path.join(STATE, "media")
PLAIN = "django.contrib.staticfiles.storage.StaticFilesStorage"
STORAGES["staticfiles"]["BACKEND"] = PLAIN  # noqa: F405
'''
# Run with the server's settings and environment: proves, through the same
# middleware gunicorn runs, that no response goes through the page cache.
BYPASS_PROOF = """
import json, sys
import django
django.setup()
from django.test import Client
from django.conf import settings
seen = {}
for path in json.loads(sys.argv[1]):
    client = Client()
    seen[path] = [getattr(client.get(path), "page_cache", None) for _ in range(2)]
print(json.dumps([settings.PAGE_CACHE_ENABLED, seen]))
"""


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)  # noqa: S603
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def find_python():
    """An interpreter bakerydemo's pins accept (Django 6.0: Python >= 3.12)."""
    if os.environ.get("BAKERYDEMO_PYTHON"):
        candidates = [os.environ["BAKERYDEMO_PYTHON"]]
    else:
        # pyenv's python3.12 shim fails when 3.12 is installed but not among
        # the selected versions: its interpreters are tried directly then.
        pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
        candidates = ["python3.12"] + sorted(
            glob.glob(str(pyenv / "versions" / "3.1[2-9]*" / "bin" / "python3"))
        )
    check = "import sys; print(sys.version_info >= (3, 12))"
    for candidate in candidates:
        try:
            out = subprocess.run(  # noqa: S603
                [candidate, "-c", check], capture_output=True, text=True, timeout=30
            )
        except OSError:
            continue
        if out.returncode == 0 and out.stdout.strip() == "True":
            return candidate
    sys.exit(f"no Python >= 3.12 for bakerydemo in {candidates}: set BAKERYDEMO_PYTHON")


def bakery_venv(source):
    """bakerydemo's own venv, made once per requirements file and interpreter."""
    python = find_python()
    version = run([python, "-c", "import sys; print(sys.version)"])
    requirements = source / "requirements" / "base.txt"
    key = hashlib.sha256(requirements.read_bytes() + version.encode()).hexdigest()
    venv = CACHE_DIR / f"venv-{key[:12]}"
    ready = venv / "ready"  # written last: a venv half made by a killed run is redone
    if not ready.exists():
        print(f"Making bakerydemo's venv {venv} ...", flush=True)  # noqa: T201
        shutil.rmtree(venv, ignore_errors=True)
        run([python, "-m", "venv", str(venv)])
        pip = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check"]
        run([*pip, "install", "--quiet", "-r", str(requirements), "gunicorn"])
        ready.write_text(version)
    return venv / "bin" / "python"


class Bakery:
    """bakerydemo, from a git archive in its own folder, served by gunicorn."""

    def __init__(self, git_dir, commit):
        self.git_dir, self.git = git_dir, ["git", f"--git-dir={git_dir}"]
        self.commit = run([*self.git, "rev-parse", commit]).strip()
        self.date = run([*self.git, "show", "-s", "--format=%cs", self.commit]).strip()
        self.dir = Path(tempfile.mkdtemp(prefix="bench-bakery-"))  # after any exit
        self.source, self.port = self.dir / "src", free_port()
        self.process = self.log = None
        self.env = {
            key: value
            for key, value in os.environ.items()
            # Our settings and services (and bakerydemo's CSP switch) stay out.
            if not key.startswith(("DJANGO_", "CSP_", "REDIS", "DATABASE_"))
            and key not in {"PYTHONPATH", "VIRTUAL_ENV", "ELASTICSEARCH_ENDPOINT"}
        } | {
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.bench",
            "BENCH_BAKERY_DIR": str(self.dir),
        }

    def prepare(self):
        self.source.mkdir()
        archive = subprocess.Popen(  # noqa: S603
            [*self.git, "archive", self.commit], stdout=subprocess.PIPE
        )
        run(["tar", "-x", "-C", str(self.source)], stdin=archive.stdout)  # noqa: S607
        if archive.wait() != 0:
            sys.exit(f"git archive {self.commit} failed")
        (self.source / "bakerydemo" / "settings" / "bench.py").write_text(SETTINGS)
        self.python = bakery_venv(self.source)
        print("Preparing bakerydemo (migrate, load_initial_data) ...", flush=True)  # noqa: T201
        for command in (["migrate", "--noinput"], ["load_initial_data"]):
            run([self.python, "manage.py", *command], cwd=self.source, env=self.env)
        self.versions = run([self.python, "-c", VERSIONS], env=self.env).split()

    def serve(self, timeout=60):
        self.log = open(self.dir / "server.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [self.python, "-m", "gunicorn", "bakerydemo.wsgi:application"]
            + ["--bind", f"127.0.0.1:{self.port}", *GUNICORN.split()],
            cwd=self.source,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if get(self.port, "/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        sys.exit(f"bakerydemo did not answer:\n{(self.dir / 'server.log').read_text()}")

    def stop(self):
        stop_process_group(self.process)
        if self.log:
            self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def get(port, path, headers=None, connection=None):
    """(status, body) of one GET; on a connection of its own unless given one."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        if own:
            connection.close()


def sample(port, path, headers, warmup, count):
    """(median ms of `count` timed GETs after `warmup` ones, HTML bytes)."""
    # http.client opens the connection again by itself when the server
    # closed it after a response (gunicorn's sync workers always do).
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times = []
    for i in range(warmup + count):
        start = time.perf_counter()
        status, body = get(port, path, headers, connection)
        elapsed = (time.perf_counter() - start) * 1000
        if status != 200:
            sys.exit(f"127.0.0.1:{port}{path} answered {status}")
        if i >= warmup:
            times.append(elapsed)
    connection.close()
    return statistics.median(times), len(body)


def choose_pairs(site, bakery):
    named = {page["name"]: page["path"] for page in site.pages}
    # bakerydemo's blog post: the first one its blog index lists.
    status, body = get(bakery.port, "/blog/")
    posts = re.findall(r'href="(/blog/(?!tags/)[^"/?#]+/)"', body.decode())
    post = posts[0] if status == 200 and posts else None
    pairs, skipped = [], []
    for ours, path, theirs, their_path in PAIRS:
        path, their_path = path or named.get(ours), their_path or post
        if path is None or their_path is None:
            skipped.append(f"{ours} / {theirs}: page missing")
        elif get(bakery.port, their_path)[0] != 200:
            skipped.append(f"{ours} / {theirs}: bakerydemo's {their_path} is not 200")
        else:
            pairs.append((ours, path, theirs, their_path))
    return pairs, skipped


def prove_bypass(site, pairs):
    paths = json.dumps([p[1] for p in pairs])
    out = run([sys.executable, "-c", BYPASS_PROOF, paths], env=site.env)
    enabled, seen = json.loads(out.splitlines()[-1])
    through = {path: marks for path, marks in seen.items() if any(marks)}
    if enabled or through:
        sys.exit(f"the page cache is on ({enabled}) or served these: {through}")


def measure(site, bakery, pairs, options):
    """{(pair index, side): [median ms per round]}, {(index, side): bytes}."""
    sides = {"ours": (site.port, {}), "bakerydemo": (bakery.port, {})}
    medians, sizes = {}, {}
    for number in range(options.rounds):
        # Odd rounds ours first, even rounds bakerydemo first: a machine that
        # slows down or speeds up during the run weighs on both alike.
        order = list(sides) if number % 2 == 0 else list(sides)[::-1]
        for index, (_ours, path, _theirs, their_path) in enumerate(pairs):
            for side in order:
                port, headers = sides[side]
                target = path if side == "ours" else their_path
                ms, size = sample(
                    port, target, headers, options.warmup, options.requests
                )
                medians.setdefault((index, side), []).append(ms)
                sizes[(index, side)] = size
    return medians, sizes


def report(pairs, skipped, medians, sizes):
    print(  # noqa: T201
        "| ours | bakerydemo | ours ms | bakerydemo ms | bakerydemo/ours | ours "
        "rounds | bakerydemo rounds | ours HTML KB | bakerydemo HTML KB |\n"
        "|---|---|---|---|---|---|---|---|---|"
    )
    verdict = None
    for index, (ours, path, theirs, their_path) in enumerate(pairs):
        mine, other = medians[(index, "ours")], medians[(index, "bakerydemo")]
        ratio = statistics.median(other) / statistics.median(mine)
        verdict = ratio if ours == "campaign" else verdict
        print(  # noqa: T201
            f"| {ours} `{path}` | {theirs} `{their_path}` "
            f"| {statistics.median(mine):.1f} | {statistics.median(other):.1f} "
            f"| {ratio:.2f} | {' / '.join(f'{m:.1f}' for m in mine)} "
            f"| {' / '.join(f'{m:.1f}' for m in other)} "
            f"| {sizes[(index, 'ours')] / 1024:.1f} "
            f"| {sizes[(index, 'bakerydemo')] / 1024:.1f} |"
        )
    for line in skipped:
        print(f"skipped: {line}")  # noqa: T201
    label = "the campaign page's uncached render at least 2x faster than "
    label += "bakerydemo's blog post"
    if verdict is None:
        print(f"\nIssue 16, {label}: not measured (a page is missing)")  # noqa: T201
    else:
        state = "met" if verdict >= BUDGET else "NOT met"
        print(f"\nIssue 16, {label}: {state} ({verdict:.2f}x)")  # noqa: T201


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--commit", default="HEAD")
    options = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", "")
    started, load_before = time.monotonic(), os.getloadavg()
    bakery = Bakery(os.environ.get("BAKERYDEMO_GIT", MIRROR), options.commit)
    site = LiveSite(
        settings="bench.settings",
        workers=2,
        threads=1,
        extra_env={
            "BENCH_PAGE_CACHE": "0",
            **({"BENCH_DATABASE_URL": database_url} if database_url else {}),
        },
    )
    try:
        # The two set-ups are independent: ours in a thread beside bakerydemo's.
        print("Preparing our demo site and bakerydemo ...", flush=True)  # noqa: T201
        with ThreadPoolExecutor(1) as pool:
            ours = pool.submit(site.prepare)
            bakery.prepare()
            ours.result()  # raises what preparing ours raised
        site.serve()
        bakery.serve()
        pairs, skipped = choose_pairs(site, bakery)
        prove_bypass(site, pairs)
        print(f"Measuring {len(pairs)} pairs, {options.rounds} rounds ...", flush=True)  # noqa: T201
        medians, sizes = measure(site, bakery, pairs, options)
    finally:
        bakery.stop()
        site.stop()

    load = os.getloadavg()
    versions = (sys.version.split()[0], wagtail.__version__, django.get_version())
    print(  # noqa: T201
        f"\nbakerydemo {bakery.commit} ({bakery.date}), from {bakery.git_dir}\n"
        "ours:       Python {}, Wagtail {}, Django {}".format(*versions)
        + (", PostgreSQL (not the issue's SQLite)" if database_url else ", SQLite")
        + "\nbakerydemo: Python {}, Wagtail {}, Django {}, SQLite\n".format(
            *bakery.versions
        )
        + f"{os.cpu_count()} CPUs, load average {load_before[0]:.2f} at the start, "
        f"{load[0]:.2f} at the end; gunicorn with 2 sync workers per site, both "
        f"up; {options.rounds} interleaved rounds of {options.warmup} warm-up + "
        f"{options.requests} timed GETs per page; ms: median of the round "
        f"medians; HTML: raw bytes. Took {time.monotonic() - started:.0f} s.\n"
    )
    report(pairs, skipped, medians, sizes)


if __name__ == "__main__":
    main()
