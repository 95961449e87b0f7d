"""docker-compose.yml, the Dockerfile and `make prod-check` run the same commands.

Docker is not needed: the files are parsed, and `make prod-check` (which
runs these very commands on the machine) proves they work.
"""

import yaml

from deploy.check.topology import (
    APP_SERVICES,
    COMPOSE_FILE,
    compose_command,
    healthcheck_command,
)

SERVICES = yaml.safe_load(COMPOSE_FILE.read_text())["services"]


def test_the_topology_has_every_service():
    assert set(SERVICES) >= {*APP_SERVICES, "migrate", "front", "db", "redis"}


def test_web_runs_gunicorn_with_its_config_file_and_the_dockerfile_healthcheck():
    assert compose_command("web") == [
        "gunicorn", "-c", "gunicorn.conf.py", "mysite.wsgi:application"
    ]  # fmt: skip
    assert SERVICES["web"]["healthcheck"]["test"] == ["CMD", *healthcheck_command()]


def test_email_and_documents_have_their_own_workers():
    assert compose_command("worker")[-2:] == ["--queue-name", "default"]
    assert compose_command("worker-documents")[-2:] == ["--queue-name", "documents"]


def test_the_scheduler_runs_both_jobs():
    loop = compose_command("scheduler")[-1]
    assert "publish_scheduled" in loop
    assert "purge_unconfirmed" in loop
    assert "sleep 300" in loop


def test_media_and_database_live_on_named_volumes_shared_by_web_worker_and_front():
    for service in ("web", "worker", "worker-documents"):
        assert "media:/app/media" in SERVICES[service]["volumes"]
    assert "media:/srv/media:ro" in SERVICES["front"]["volumes"]
    assert "db-data:/var/lib/postgresql/data" in SERVICES["db"]["volumes"]
    assert {"media", "db-data"} <= set(
        yaml.safe_load(COMPOSE_FILE.read_text())["volumes"]
    )


def test_the_front_runs_the_reference_caddyfile():
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in SERVICES["front"]["volumes"]
    assert SERVICES["front"]["command"][:3] == ["caddy", "run", "--config"]
