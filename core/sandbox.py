"""Heavy file work in a child process with limits on time and memory.

A hostile or merely enormous upload (a 10 MB PDF of 80,000 pages) must not
hold a task worker for minutes or exhaust its memory: the job runs in a fresh
Python process that limits itself (`resource.setrlimit`: address space and
CPU seconds) before reading the file, and the parent kills it when the
wall-clock timeout passes.

A job is a function `job(data: bytes, **options) -> (result: dict, output:
bytes | None)` named as "module:function"; options and result are JSON, and
the job must work without Django set up.

    python -m core.sandbox module:function WORKDIR MEMORY_BYTES CPU_SECONDS
"""

import importlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_PROJECT_DIR = Path(__file__).resolve().parent.parent


class SandboxFailed(RuntimeError):
    """The job did not finish: `reason` is "timeout", "memory" or "crashed"."""

    def __init__(self, reason, detail=""):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


def run_limited(job, data, *, seconds, memory_bytes, options=None):
    """Run `job` on `data` in a limited child; its (result, output bytes)."""
    with tempfile.TemporaryDirectory(prefix="sandbox-") as workdir:
        work = Path(workdir)
        (work / "input").write_bytes(data)
        (work / "options.json").write_text(json.dumps(options or {}))
        command = [
            sys.executable,
            "-m",
            "core.sandbox",
            job,
            workdir,
            str(memory_bytes),
            str(seconds),
        ]
        try:
            finished = subprocess.run(  # noqa: S603 - our own interpreter and module
                command,
                cwd=_PROJECT_DIR,
                capture_output=True,
                timeout=seconds,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            # subprocess.run has killed the child already.
            raise SandboxFailed("timeout", f"after {seconds} s") from error
        stderr = finished.stderr.decode(errors="replace")[-500:]
        if finished.returncode != 0 or not (work / "result.json").exists():
            reason = "memory" if "MemoryError" in stderr else "crashed"
            if finished.returncode in (-24, 152):  # SIGXCPU: CPU seconds used up
                reason = "timeout"
            raise SandboxFailed(reason, stderr)
        result = json.loads((work / "result.json").read_text())
        output_path = work / "output"
        output = output_path.read_bytes() if output_path.exists() else None
        return result, output


def _limit(memory_bytes, cpu_seconds):
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def _main(job, workdir, memory_bytes, cpu_seconds):
    _limit(int(memory_bytes), int(cpu_seconds))
    module_name, function_name = job.split(":")
    function = getattr(importlib.import_module(module_name), function_name)
    work = Path(workdir)
    options = json.loads((work / "options.json").read_text())
    result, output = function((work / "input").read_bytes(), **options)
    if output is not None:
        (work / "output").write_bytes(output)
    (work / "result.json").write_text(json.dumps(result))


if __name__ == "__main__":
    _main(*sys.argv[1:])
