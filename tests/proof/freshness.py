"""Freshness: every runtime dependency is on the newest patch of its minor line.

Run by `make audit` (and so by .ci/run): `python -m tests.proof.freshness`.
pip-audit needs vulnerability data these machines cannot always reach; the
package index can still say whether a fix has been released. For each
requirement in requirements.txt, the version installed in this environment
is compared with the newest release of the same major.minor line on the
index pip is configured with (`pip index versions`).

- A package behind its newest patch fails, unless tests/proof/
  freshness-allowlist.txt names it with a reason and a date.
- A newer minor or major release that the requirement's range excludes is
  reported (a cap to raise when the changelog allows), but does not fail.
- When the index cannot be asked about any package, the check says
  NOT CHECKED and passes; REQUIRE_FRESHNESS=1 makes that a failure. An answer
  for some packages and not others fails.
"""

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from tests.proof import audit

PROJECT_DIR = Path(__file__).resolve().parents[2]
REQUIREMENTS = PROJECT_DIR / "requirements.txt"
ALLOWLIST = Path(__file__).with_name("freshness-allowlist.txt")
VERSIONS_LINE = re.compile(r"^Available versions:\s*(?P<versions>.+)$", re.M)


def allow_listed():
    return {
        canonicalize_name(name): reason
        for name, reason in audit.allow_listed(ALLOWLIST).items()
    }


def runtime_requirements():
    for line in REQUIREMENTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            yield Requirement(line)


def released_versions(name):
    """The index's final releases of `name`, or None when it did not answer."""
    result = subprocess.run(  # noqa: S603 - pip itself, fixed arguments
        [sys.executable, "-m", "pip", "index", "versions", name],
        capture_output=True,
        text=True,
        timeout=180,
    )
    match = VERSIONS_LINE.search(result.stdout)
    if result.returncode != 0 or not match:
        return None
    versions = []
    for text in match["versions"].split(","):
        try:
            version = Version(text.strip())
        except InvalidVersion:
            continue
        if not version.is_prerelease and not version.is_devrelease:
            versions.append(version)
    return versions


def check(requirement, versions):
    """(finding or None, note or None) for one installed requirement."""
    installed = Version(metadata.version(requirement.name))
    same_line = [v for v in versions if v.release[:2] == installed.release[:2]]
    newest_patch = max(same_line, default=installed)
    newest = max(versions, default=installed)
    finding = note = None
    if newest_patch > installed:
        finding = f"{requirement.name} {installed}: {newest_patch} is out"
    if installed not in requirement.specifier:
        finding = (
            f"{requirement.name} {installed} is installed, outside "
            f"'{requirement.specifier}'"
        )
    elif newest not in requirement.specifier:
        note = (
            f"{requirement.name} {installed}: {newest} is out, outside "
            f"'{requirement.specifier}'"
        )
    return finding, note


def main():
    allowed = allow_listed()
    findings, notes, unanswered, checked = [], [], [], 0
    for requirement in runtime_requirements():
        versions = released_versions(requirement.name)
        if versions is None:
            unanswered.append(requirement.name)
            continue
        checked += 1
        finding, note = check(requirement, versions)
        if finding and canonicalize_name(requirement.name) in allowed:
            reason = allowed[canonicalize_name(requirement.name)]
            notes.append(f"{finding} (allow-listed: {reason})")
        elif finding:
            findings.append(finding)
        if note:
            notes.append(note)
    for line in notes:
        print(f"freshness: note: {line}")  # noqa: T201
    if not checked:
        print(  # noqa: T201
            "freshness: NOT CHECKED. The package index did not answer for any "
            f"requirement ({', '.join(unanswered)}): this is not a pass. Set "
            "REQUIRE_FRESHNESS=1 to fail here."
        )
        sys.exit(1 if os.environ.get("REQUIRE_FRESHNESS") else 0)
    if unanswered:
        findings.append("the index did not answer for " + ", ".join(unanswered))
    if findings:
        print("freshness: behind the newest patch:\n  " + "\n  ".join(findings))  # noqa: T201
        sys.exit(1)
    print(  # noqa: T201
        f"freshness: {checked} runtime requirements, each on the newest patch "
        "of its minor line"
    )


if __name__ == "__main__":
    main()
