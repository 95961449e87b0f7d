"""The Redis outage: pages, sign-ups and /healthz without the cache, and after."""

import json
import re
import subprocess
import time

from deploy.check.topology import PROJECT_DIR, healthcheck_command, wait_until

SIGNUPS = 20


def run_healthcheck(topology):
    return subprocess.run(  # noqa: S603 - the Dockerfile's own command
        healthcheck_command(),
        cwd=PROJECT_DIR,
        env=topology.env,
        capture_output=True,
        timeout=10,
        check=False,
    ).returncode


def signup(front, pages, run_id):
    """20 readers (20 loopback addresses) post the sign-up form through the front."""
    path = next(p["path"] for p in pages if p["name"] == "sign-up page")
    source = "127.0.0.2"
    html = front.get(path, source=source).body.decode()
    action = re.search(r'<form class="newsletter-form" action="([^"]+)"', html)[1]
    token = re.search(r'name="token" value="([^"]+)"', html)[1]
    time.sleep(3.2)  # the form's time trap: no human posts within 3 s
    statuses = []
    for number in range(SIGNUPS):
        form_token = token
        for _press in range(3):
            answer = front.request(
                "POST",
                action,
                source=f"127.0.0.{number + 2}",
                body=f"email=outage-{run_id}-{number}%40example.org"
                f"&token={form_token}&website=",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": front_origin(front),
                    "Sec-Fetch-Site": "same-origin",
                },
            )
            statuses.append(answer.status)
            if answer.status != 200:
                break
            # "Please press the button again" (one cached form used by many,
            # or too fast): a person presses again, with the fresh token.
            fresh = re.search(r'name="token" value="([^"]+)"', answer.body.decode())
            if fresh is None:
                break
            form_token = fresh[1]
            time.sleep(1.2)
    return statuses


def front_origin(front):
    return f"https://localhost:{front.port}"


def stored_signups(topology, run_id):
    script = (
        "from newsletter.models import Subscriber; print('ROWS=%d' % "
        f"Subscriber.objects.filter(email__startswith='outage-{run_id}-').count())"
    )
    out = topology.manage("shell", "-c", script)
    return int(next(x for x in out.splitlines() if x.startswith("ROWS="))[5:])


def check_outage(report, topology, front, pages):
    healthz = []
    healthy = front.get("/healthz")
    healthz.append(f"{healthy.status} {healthy.body.decode()}")
    report.check(
        "/healthz answers 200 when healthy",
        healthy.status == 200,
        healthy.body.decode(),
    )
    report.check(
        "the HEALTHCHECK command passes on the healthy server",
        run_healthcheck(topology) == 0,
    )

    topology.stop_redis()
    answers = {p["name"]: (front.get(p["path"]).status, p["status"]) for p in pages}
    wrong = {name: got for name, (got, want) in answers.items() if got != want}
    report.check(
        "Redis stopped: every public page type still answers",
        not wrong,
        wrong or f"{len(answers)} pages",
    )
    run_id = f"{int(time.time())}"
    statuses = signup(front, pages, run_id)
    stored = stored_signups(topology, run_id)
    report.check(
        f"Redis stopped: {SIGNUPS} sign-ups are all stored",
        stored == SIGNUPS,
        f"{stored} stored; answers {sorted(set(statuses))}",
    )
    report.figures["sign-ups stored during the Redis outage"] = f"{stored} of {SIGNUPS}"
    down = front.get("/healthz")
    healthz.append(f"{down.status} {down.body.decode()}")
    is_json = down.header("content-type") == "application/json"
    body = json.loads(down.body or b"{}") if is_json else {}
    report.check(
        "Redis stopped: /healthz answers 503 naming the cache",
        down.status == 503
        and body.get("cache") is False
        and body.get("database") is True,
        down.body.decode()[:200],
    )
    report.check(
        "Redis stopped: the HEALTHCHECK still passes (the container serves pages)",
        run_healthcheck(topology) == 0,
    )

    topology.start_redis()
    back = wait_until(lambda: front.get("/healthz").status == 200, 20)
    again = front.get("/healthz")
    healthz.append(f"{again.status} {again.body.decode()}")
    report.check(
        "Redis back: /healthz answers 200 with no restart", back, again.body.decode()
    )
    campaign = next(p["path"] for p in pages if p["name"] == "campaign")

    def cached_pages():
        return [
            k
            for k in topology.redis_cli("--scan", "--pattern", "*pagecache:*").split()
            if ":page:" in k
        ]

    def cached_again():
        # Each gunicorn process leaves Redis alone for CACHE_RETRY_SECONDS
        # after the outage, then uses it again by itself.
        front.get(campaign)
        return bool(cached_pages())

    wait_until(cached_again, 20)
    first, second = front.get(campaign), front.get(campaign)
    keys = cached_pages()
    report.check(
        "Redis back: pages are cached again, with no restart",
        first.status == second.status == 200 and keys,
        f"{len(keys)} cached page(s) in Redis; {first.seconds * 1000:.0f} ms then "
        f"{second.seconds * 1000:.0f} ms",
    )
    report.check(
        "the HEALTHCHECK command passes against the running server",
        run_healthcheck(topology) == 0,
    )
    report.figures["/healthz bodies seen"] = " | ".join(healthz)
