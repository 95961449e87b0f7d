"""`make bench-signup`: 50 concurrent sign-ups for 30 s, gunicorn + PostgreSQL.

A third of the clients post addresses from a small shared pool (so the same
address arrives many times at once); the others post fresh addresses. The
report: requests accepted (303 to "check your inbox"), 5xx responses, other
answers, rows stored, addresses lost (accepted but not stored) and duplicate
rows (more than one subscriber for an address). The budget: 0 errors, 0 lost,
0 duplicates.

The database is a throwaway PostgreSQL database made on 127.0.0.1 (as CI
does), or BENCH_DATABASE_URL. Sign-up emails are queued as production queues
them (django-tasks' database backend) and not sent.
Options: --clients N (50), --seconds N (30).
"""

import argparse
import http.client
import itertools
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlencode

from tests.browser.server import LiveSite

POOL = [f"shared-{n}@example.org" for n in range(20)]


def psql(sql):
    return subprocess.run(  # noqa: S603
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", sql],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )


def signup_form(site, path):
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=30)
    connection.request("GET", path)
    html = connection.getresponse().read().decode()
    action = re.search(r'<form class="newsletter-form" action="([^"]+)"', html)[1]
    token = re.search(r'name="token" value="([^"]+)"', html)[1]
    return action, token


def client(site, action, token, shared, deadline, results, counter):
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=30)
    rng = random.Random()  # noqa: S311 - choosing test addresses, not secrets
    while time.monotonic() < deadline:
        address = rng.choice(POOL) if shared else f"fresh-{next(counter)}@example.org"
        body = urlencode({"email": address, "token": token, "website": ""})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": site.url,
        }
        try:
            connection.request("POST", action, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            status = "connection error"
            connection.close()
        results.append((address, status))


def stored_rows(site, addresses):
    script = (
        "import json, sys; from newsletter.models import Subscriber; "
        "from django.db.models import Count; "
        "wanted = set(json.loads(sys.stdin.read())); "
        "rows = list(Subscriber.objects.filter(email__in=wanted)"
        ".values_list('email', flat=True)); "
        "dupes = Subscriber.objects.values('email').annotate(n=Count('id'))"
        ".filter(n__gt=1).count(); "
        "print('ROWS=' + json.dumps({'rows': rows, 'duplicates': dupes}))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=site.env["PYTHONPATH"],
        env=site.env,
        input=json.dumps(sorted(addresses)),
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("ROWS="))
    return json.loads(line.removeprefix("ROWS="))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    options = parser.parse_args()

    database_url = os.environ.get("BENCH_DATABASE_URL")
    made = None
    if not database_url:
        made = f"bench_signup_{os.getpid()}"
        created = psql(f"CREATE DATABASE {made}")
        if created.returncode != 0:
            sys.exit(
                "PostgreSQL on 127.0.0.1 refused a new database "
                f"({created.stderr.strip()}); start it or set BENCH_DATABASE_URL."
            )
        database_url = f"postgres://postgres@127.0.0.1:5432/{made}"

    site = LiveSite(
        settings="bench.settings",
        workers=2,
        threads=4,
        extra_env={"BENCH_DATABASE_URL": database_url, "BENCH_TASKS_IN_DATABASE": "1"},
    )
    try:
        print("Preparing the demo site on PostgreSQL ...", flush=True)  # noqa: T201
        site.prepare().serve()
        page = next(p for p in site.pages if p["name"] == "sign-up page")
        action, token = signup_form(site, page["path"])

        results, counter = [], itertools.count()
        deadline = time.monotonic() + options.seconds
        shared_clients = options.clients // 3
        threads = [
            threading.Thread(
                target=client,
                args=(
                    site,
                    action,
                    token,
                    n < shared_clients,
                    deadline,
                    results,
                    counter,
                ),
            )
            for n in range(options.clients)
        ]
        print(  # noqa: T201
            f"{options.clients} clients ({shared_clients} on {len(POOL)} shared "
            f"addresses) for {options.seconds} s ...",
            flush=True,
        )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        statuses = Counter(status for _address, status in results)
        accepted = {address for address, status in results if status == 303}
        stored = stored_rows(site, accepted)
        rows = stored["rows"]
        lost = accepted - set(rows)
    finally:
        site.stop()
        if made:
            psql(f"DROP DATABASE IF EXISTS {made}")

    errors = sum(n for s, n in statuses.items() if not isinstance(s, int) or s >= 500)
    others = {
        s: n for s, n in statuses.items() if s != 303 and isinstance(s, int) and s < 500
    }
    print(  # noqa: T201
        f"\nrequests: {len(results)} in {options.seconds} s "
        f"({len(results) / options.seconds:.0f}/s)\n"
        f"accepted (303): {statuses.get(303, 0)}\n"
        f"5xx or connection errors: {errors}\n"
        f"other answers: {others or 'none'}\n"
        f"distinct addresses accepted: {len(accepted)}; subscriber rows stored for "
        f"them: {len(rows)}\n"
        f"lost (accepted, not stored): {len(lost)}\n"
        f"duplicate subscriber rows: {stored['duplicates']}"
    )
    ok = errors == 0 and not lost and stored["duplicates"] == 0
    print("budget: " + ("met" if ok else "NOT met"))  # noqa: T201
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
