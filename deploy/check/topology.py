"""The production topology started on this machine, for `make prod-check`.

The app's commands are read from docker-compose.yml (web, the two workers,
the scheduler, the front) and run as they are there, with this checkout in
place of /app. Around them: a Redis of its own on port 6391 (stopping it
touches no other Redis), a fresh PostgreSQL database, Caddy with its local
certificate authority, and, for the storage variant, moto's S3 server.
Every process is started in its own session and stopped by `stop_all()`.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
COMPOSE_FILE = PROJECT_DIR / "docker-compose.yml"
DOCKERFILE = PROJECT_DIR / "Dockerfile"
REDIS_PORT = 6391
APP_SERVICES = ("web", "worker", "worker-documents", "scheduler")
ADMIN_USER = "prodcheck-editor"
# The editor's authenticator: production requires a second factor for staff
# (ADMIN_REQUIRE_2FA), so the check signs in with a TOTP code like a person.
TOTP_KEY = secrets.token_hex(20)
ADMIN_PASSWORD = secrets.token_urlsafe(18)
BUCKET = "prodcheck-media"


def public_media_policy(bucket=BUCKET):
    """The bucket policy deploy/README.md asks for: anonymous reads of images only."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImagesOnly",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [
                    f"arn:aws:s3:::{bucket}/images/*",
                    f"arn:aws:s3:::{bucket}/original_images/*",
                ],
            }
        ],
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def compose_services():
    return yaml.safe_load(COMPOSE_FILE.read_text())["services"]


def compose_command(service):
    """A service's command from docker-compose.yml, with `$$` unescaped."""
    return [part.replace("$$", "$") for part in compose_services()[service]["command"]]


def healthcheck_command():
    """The Dockerfile's HEALTHCHECK command, as the container runs it."""
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    line = next(x for x in text.splitlines() if x.startswith("HEALTHCHECK"))
    return json.loads(line.split(" CMD ", 1)[1].strip())


def wait_until(predicate, timeout, interval=0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def port_open(port, host="127.0.0.1"):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


class Topology:
    """Every process of the check, with the environment they share."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="prod-check-"))
        self.database = f"prodcheck_{os.getpid()}"
        self.app_port = free_port()
        self.https_port = free_port()
        self.http_port = free_port()
        self.s3_port = None
        self.processes = {}
        self.base_url = f"https://localhost:{self.https_port}"
        bin_dir = Path(sys.executable).parent
        self.env = {
            **os.environ,
            "PATH": f"{bin_dir}:{os.environ.get('PATH', '')}",
            "DJANGO_SETTINGS_MODULE": "mysite.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "localhost",
            "WAGTAILADMIN_BASE_URL": self.base_url,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.database}",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "MEDIA_ROOT": str(self.dir / "media"),
            "STATIC_ROOT": str(self.dir / "static"),
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "PORT": str(self.app_port),
            "GUNICORN_BIND_HOST": "127.0.0.1",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_THREADS": "4",
            "DJANGO_ADMIN_USER": ADMIN_USER,
            "DJANGO_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "PYTHONPATH": str(PROJECT_DIR),
            # Caddy: its own data (the local CA) and no admin endpoint.
            "XDG_DATA_HOME": str(self.dir / "caddy-data"),
            "XDG_CONFIG_HOME": str(self.dir / "caddy-config"),
            "CADDY_ADMIN": "off",
            "CADDY_HTTP_PORT": str(self.http_port),
            "CADDY_HTTPS_PORT": str(self.https_port),
            "SITE_ADDRESS": "localhost",
            "CADDY_TLS": "internal",
            "APP_UPSTREAM": f"127.0.0.1:{self.app_port}",
            "MEDIA_BACKEND": "local",
        }
        # Storage settings of the developer's shell must not leak in.
        for name in ("AWS_STORAGE_BUCKET_NAME", "MEDIA_HOST"):
            self.env.pop(name, None)

    # Processes ---------------------------------------------------------
    def start(self, name, command, env=None):
        log = open(self.dir / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop()
        process = subprocess.Popen(  # noqa: S603 - our own commands
            command,
            cwd=PROJECT_DIR,
            env=env or self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = (process, log)
        return process

    def stop(self, name):
        process, log = self.processes.pop(name, (None, None))
        if process is None:
            return
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        log.close()

    def stop_all(self):
        for name in list(self.processes)[::-1]:
            self.stop(name)
        self.psql(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
        shutil.rmtree(self.dir, ignore_errors=True)

    def log_tail(self, name, size=3000):
        path = self.dir / f"{name}.log"
        return path.read_text(errors="replace")[-size:] if path.exists() else ""

    def alive(self, name):
        process = self.processes.get(name, (None,))[0]
        return process is not None and process.poll() is None

    # Services ------------------------------------------------------------
    def psql(self, sql):
        return subprocess.run(  # noqa: S603
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", sql],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )

    def create_database(self):
        created = self.psql(f"CREATE DATABASE {self.database}")
        if created.returncode != 0:
            raise RuntimeError(f"PostgreSQL refused a database: {created.stderr}")

    def start_redis(self):
        if port_open(REDIS_PORT):
            raise RuntimeError(f"port {REDIS_PORT} is taken: another Redis runs there")
        self.start(
            "redis",
            [
                "redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no",
            ],
        )  # fmt: skip
        if not wait_until(lambda: port_open(REDIS_PORT), 10):
            raise RuntimeError("Redis did not start: " + self.log_tail("redis"))

    def stop_redis(self):
        self.stop("redis")
        wait_until(lambda: not port_open(REDIS_PORT), 10)

    def redis_cli(self, *args):
        return subprocess.run(  # noqa: S603
            ["redis-cli", "-p", str(REDIS_PORT), *args],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        ).stdout

    def start_s3(self):
        self.s3_port = free_port()
        self.start(
            "s3",
            [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1",
             "-p", str(self.s3_port)],
        )  # fmt: skip
        if not wait_until(lambda: port_open(self.s3_port), 30):
            raise RuntimeError("moto did not start: " + self.log_tail("s3"))
        self.env.update(
            {
                "AWS_STORAGE_BUCKET_NAME": BUCKET,
                "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.s3_port}",
                "AWS_S3_REGION_NAME": "us-east-1",
                "AWS_ACCESS_KEY_ID": "prodcheck",
                "AWS_SECRET_ACCESS_KEY": "prodcheck-secret",
                "AWS_S3_ADDRESSING_STYLE": "path",
                "MEDIA_BACKEND": "s3",
                "MEDIA_S3_UPSTREAM": f"http://127.0.0.1:{self.s3_port}",
                "MEDIA_S3_BUCKET": BUCKET,
            }
        )
        client = self.s3_client()
        client.create_bucket(Bucket=BUCKET)
        policy = json.dumps(public_media_policy())
        client.put_bucket_policy(Bucket=BUCKET, Policy=policy)

    def s3_client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.env["AWS_S3_ENDPOINT_URL"],
            region_name="us-east-1",
            aws_access_key_id="prodcheck",
            aws_secret_access_key="prodcheck-secret",  # noqa: S106
        )

    def manage(self, *args, stdin=None, timeout=300):
        result = subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {args[0]}: {result.stderr[-1500:]}")
        return result.stdout

    def prepare(self):
        """The release steps: migrate, demo content, static files, an editor."""
        # collectstatic needs no database: it runs alongside the migrations.
        collect = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=PROJECT_DIR,
            env=self.env,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        self.manage("ensure_admin")
        self.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model; "
            "from django_otp.plugins.otp_totp.models import TOTPDevice; "
            f"user = get_user_model().objects.get(username={ADMIN_USER!r}); "
            "TOTPDevice.objects.get_or_create(user=user, name='prod-check', "
            f"defaults={{'key': {TOTP_KEY!r}, 'confirmed': True}})",
        )
        if collect.wait(timeout=300) != 0:
            raise RuntimeError(f"collectstatic: {collect.stderr.read()[-1500:]}")

    def start_app(self):
        """web, the workers and the scheduler, with docker-compose.yml's commands."""
        for service in APP_SERVICES:
            self.start(service, compose_command(service))
        if not wait_until(lambda: port_open(self.app_port), 30):
            raise RuntimeError("gunicorn did not start: " + self.log_tail("web"))

    def stop_app(self):
        for service in APP_SERVICES[::-1]:
            self.stop(service)

    def start_front(self):
        service = compose_services()["front"]
        inside = {
            mount.split(":")[1]: mount.split(":")[0]
            for mount in service["volumes"]
            if mount.startswith("./")
        }
        command = [str(PROJECT_DIR / inside[p]) if p in inside else p
                   for p in service["command"]]  # fmt: skip
        self.start("front", command)
        if not wait_until(lambda: port_open(self.https_port), 30):
            raise RuntimeError("Caddy did not start: " + self.log_tail("front"))

    def ca_file(self):
        return self.dir / "caddy-data/caddy/pki/authorities/local/root.crt"
