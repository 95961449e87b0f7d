"""Supply-chain checks: pip-audit on the pinned requirements, bandit on our code.

Run by `make audit` (and so by .ci/run): `python -m tests.proof.audit`.

- pip-audit asks PyPI's vulnerability data about every requirement. A known
  vulnerability fails the check unless it is allow-listed in
  tests/proof/pip-audit-allowlist.txt with a reason and a date.
- When the vulnerability service cannot be reached (no package could be
  audited at all), the check says so loudly and passes, since no answer is not
  a clean bill of health but not a finding either; REQUIRE_AUDIT=1 turns that
  into a failure. A partial answer (some packages audited, some not) fails.
- bandit -ll (medium and high severity) over the site's code, tests and
  migrations excluded, must find nothing.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ALLOWLIST = Path(__file__).with_name("pip-audit-allowlist.txt")
CODE_DIRS = ["core", "home", "campaigns", "resources", "newsletter", "mysite"]
# "ID  # reason (YYYY-MM-DD)": the reason and the date are required.
ALLOW_LINE = re.compile(r"^(?P<id>\S+)\s+#\s*(?P<reason>.+\(\d{4}-\d{2}-\d{2}\))\s*$")


def allow_listed(path=ALLOWLIST):
    """{entry: reason} from an allow-list (also tests/proof/freshness.py's)."""
    ids = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = ALLOW_LINE.match(line)
        if not match:
            sys.exit(f"{path.name}:{number}: write 'ID  # reason (YYYY-MM-DD)'")
        ids[match["id"]] = match["reason"]
    return ids


def pip_audit():
    result = subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [
            str(BIN / "pip-audit"),
            "-r",
            "requirements.txt",
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return unreachable(result.stderr.strip().splitlines()[-1:] or ["no output"])
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    allowed = allow_listed()
    found = [
        f"{d['name']} {d['version']}: {v['id']} "
        f"(fixed in {', '.join(v['fix_versions']) or 'no release yet'})"
        for d in dependencies
        for v in d.get("vulns", [])
        if v["id"] not in allowed and not set(v.get("aliases", [])) & set(allowed)
    ]
    if found:
        print("pip-audit: known vulnerabilities:\n  " + "\n  ".join(found))  # noqa: T201
        return False
    if dependencies and len(skipped) == len(dependencies):
        return unreachable([skipped[0]["skip_reason"]])
    if skipped:
        names = ", ".join(d["name"] for d in skipped)
        print(f"pip-audit: could not audit {names}")  # noqa: T201
        return False
    print(  # noqa: T201
        f"pip-audit: {len(dependencies)} packages audited, no known vulnerability"
        + (f" ({len(allowed)} allow-listed)" if allowed else "")
    )
    return True


def unreachable(details):
    print(  # noqa: T201
        "pip-audit: NOT AUDITED. PyPI's vulnerability data could not be read from "
        "this machine (pip-audit: " + "; ".join(details) + "). No package was "
        "audited: this is not a pass. Run `make audit` where pypi.org/pypi/<name>/"
        "<version>/json answers, or set REQUIRE_AUDIT=1 to fail here."
    )
    return not os.environ.get("REQUIRE_AUDIT")


def bandit():
    result = subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [
            str(BIN / "bandit"),
            "-q",
            "-ll",
            "-r",
            *CODE_DIRS,
            "-x",
            ",".join(f"./{d}/migrations" for d in CODE_DIRS) + ",./tests",
        ],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        print("bandit -ll found issues:\n" + result.stdout + result.stderr)  # noqa: T201
        return False
    print("bandit -ll: no issue of medium or high severity")  # noqa: T201
    return True


def main():
    results = [bandit(), pip_audit()]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
