"""How the suite runs in parallel (pytest-xdist, `-n auto --dist loadfile`).

Each test file runs whole on one worker, so its module-scoped fixtures and
its test classes' setUpTestData() run once. A package whose fixtures are
package-scoped runs whole on one worker too, so they start once: the
browser's live server and Chromium, the proof's demo site.

pytest-xdist's own `--dist loadgroup` would do this with marks, but it does
not group on pytest 9.2 (pytest-xdist issue 1386), so a scheduler does it.
"""

from xdist.scheduler import LoadScopeScheduling

SHARED_PACKAGES = {"tests/browser", "tests/proof"}


def work_unit(nodeid):
    """The test file, or the shared package it is in."""
    path = nodeid.split("::")[0]
    package = path.rsplit("/", 1)[0]
    return package if package in SHARED_PACKAGES else path


class SharedPackageScheduling(LoadScopeScheduling):
    """`--dist loadfile`, with each shared package as one unit of work."""

    def _split_scope(self, nodeid):
        return work_unit(nodeid)


class SchedulerChoice:
    """Hands pytest-xdist the scheduler above for `--dist loadfile`."""

    def pytest_xdist_make_scheduler(self, config, log):
        if config.getvalue("dist") == "loadfile":
            return SharedPackageScheduling(config, log)
        return None


class LeftOutReport:
    """Prints the workers' "Left out on ..." line, which they cannot show."""

    def __init__(self):
        self.lines = set()

    def pytest_testnodedown(self, node, error):
        line = getattr(node, "workeroutput", {}).get("left_out_line")
        if line:
            self.lines.add(line)

    def pytest_terminal_summary(self, terminalreporter):
        for line in sorted(self.lines):
            terminalreporter.write_line(line)
