"""A real server process with the demo content, for the browser tests and the benchmark.

`LiveSite.start()` makes a fresh folder with its own SQLite database,
migrates it, loads the demo content (`load_demo_content`), creates an
administrator, and serves the site with gunicorn on a free port of
127.0.0.1. Nothing is shared with the developer's database or the test
database.
"""

import email
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
SETTINGS = "tests.browser.server_settings"
ADMIN_USER = "admin"
ADMIN_PASSWORD = "browser-test-only-password"  # noqa: S105
EMAIL_SEPARATOR = "-" * 79


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_process_group(process):
    """SIGTERM to a server started in a session of its own (gunicorn and its
    workers), SIGKILL if it has not stopped in 10 s."""
    if process is not None and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class LiveSite:
    """The site served by gunicorn from its own folder (database, media, mail)."""

    def __init__(self, settings=SETTINGS, workers=1, threads=8, extra_env=None):
        self.settings = settings
        self.workers = workers
        self.threads = threads
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.dir = Path(tempfile.mkdtemp(prefix="proof-site-"))
        (self.dir / "mail").mkdir()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "PROOF_SERVER_DIR": str(self.dir),
            "PROOF_SERVER_URL": self.url,
            "DJANGO_ADMIN_USER": ADMIN_USER,
            "DJANGO_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "PYTHONPATH": str(PROJECT_DIR),
            **(extra_env or {}),
        }
        self.env.pop("DATABASE_URL", None)
        self.process = None
        self.pages = []
        self.language_pages = []
        self.ids = {}

    def manage(self, *args, capture=False):
        result = subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout if capture else None

    def prepare(self):
        """Migrate, load the demo, make the admin, and list the pages to check."""
        result = subprocess.run(  # noqa: S603 - our own script
            [sys.executable, "-m", "tests.browser.prepare_site"],
            cwd=PROJECT_DIR,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"preparing the site failed:\n{result.stderr[-4000:]}")
        printed = dict(
            line.split("=", 1) for line in result.stdout.splitlines() if "=" in line
        )
        self.pages = json.loads(printed["PAGES"])
        self.language_pages = json.loads(printed["LANGUAGE_PAGES"])
        self.ids = json.loads(printed["IDS"])
        return self

    def serve(self, timeout=30):
        log = open(self.dir / "server.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "mysite.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--worker-class",
                "gthread" if self.threads > 1 else "sync",
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=PROJECT_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._log = log
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped: {self.server_log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2):  # noqa: S310
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(f"the server did not answer: {self.server_log()}")

    def start(self):
        return self.prepare().serve()

    def server_log(self):
        path = self.dir / "server.log"
        return path.read_text()[-4000:] if path.exists() else ""

    def stop(self):
        """Stops the server and removes its folder."""
        self.halt()
        shutil.rmtree(self.dir, ignore_errors=True)

    def halt(self):
        """Stops the server, keeping its database (serve() starts it again)."""
        stop_process_group(self.process)
        if getattr(self, "_log", None):
            self._log.close()

    def emails(self):
        """Every email the site has sent, oldest first, as email.message objects."""
        messages = []
        for path in sorted((self.dir / "mail").glob("*.log"), key=os.path.getmtime):
            for chunk in path.read_text().split(EMAIL_SEPARATOR):
                if chunk.strip():
                    messages.append(email.message_from_string(chunk.lstrip("\n")))
        return messages


def email_text(message):
    """The plain-text body of an email, decoded."""
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(
                part.get_content_charset("utf-8")
            )
    return ""
