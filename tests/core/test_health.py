"""/healthz tells a load balancer whether the database and the cache answer."""

from unittest import mock

import pytest
from django.db import OperationalError

from mysite import health


def test_healthz_is_ok_when_the_database_and_cache_answer(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "cache": True}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_does_not_answer(client, db):
    with mock.patch(
        "mysite.health.connection.cursor",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": False,
        "cache": True,
    }


def test_healthz_is_503_naming_the_cache_when_it_does_not_answer(client, db):
    # django-redis with IGNORE_EXCEPTIONS reads a down Redis as a miss.
    with mock.patch("mysite.health.cache.get", return_value=None):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": True,
        "cache": False,
    }


def test_healthz_is_503_not_500_when_the_cache_raises(client, db):
    with mock.patch("mysite.health.cache.set", side_effect=ConnectionError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] is False


def test_healthz_is_exempt_from_the_https_redirect(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_the_healthcheck_probe_asks_as_an_allowed_host(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", ".campaigns.example.org,other.org")
    monkeypatch.setenv("PORT", "8123")
    with mock.patch("mysite.health.probe", return_value=True) as probe:
        try:
            health.main()
        except SystemExit as done:
            assert done.code == 0
    probe.assert_called_once_with(8123, "campaigns.example.org")


class FakeResponse:
    def __init__(self, status, body):
        self.status, self._body = status, body

    def read(self):
        return self._body


@pytest.mark.parametrize(
    ("status", "body", "passes"),
    [
        (200, b'{"status": "ok", "database": true, "cache": true}', True),
        (503, b'{"status": "unavailable", "database": true, "cache": false}', True),
        (503, b'{"status": "unavailable", "database": false, "cache": true}', False),
        (500, b"Server Error", False),
        (503, b"<html>not json</html>", False),
    ],
)
def test_the_healthcheck_passes_while_the_site_can_serve(status, body, passes):
    from mysite import health

    with mock.patch("http.client.HTTPConnection") as connection:
        connection.return_value.getresponse.return_value = FakeResponse(status, body)
        assert health.probe(8000, "campaigns.example.org") is passes
