"""The onion service: plain http without a redirect, links kept on the onion
host, sign-ups accepted from it; the public host still goes to https."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings

ONION = "campaignsxyzabcdefghijklmnopqrstuvwxyz234567abcdefghijklmn.onion"


@pytest.fixture
def onion_site(home_page):
    csp = {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]}
    csp["upgrade-insecure-requests"] = True
    with override_settings(
        ONION_HOST=ONION,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, ONION],
        SECURE_SSL_REDIRECT=True,
        SECURE_HSTS_SECONDS=3600,
        CONTENT_SECURITY_POLICY={"DIRECTIVES": csp},
    ):
        yield home_page


def test_the_onion_host_is_served_over_http_without_redirect_or_hsts(onion_site):
    response = Client(HTTP_HOST=ONION).get("/")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response
    assert "upgrade-insecure-requests" not in response["Content-Security-Policy"]
    # Already on the onion service: no offer to go there.
    assert "Onion-Location" not in response


def test_links_on_the_onion_host_stay_on_it(onion_site):
    html = Client(HTTP_HOST=ONION).get("/").content.decode()
    assert f'rel="canonical" href="http://{ONION}/"' in html
    assert "https://testserver" not in html and "http://testserver" not in html


def test_the_public_host_still_redirects_to_https(onion_site):
    response = Client().get("/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    secure = Client().get("/", secure=True)
    assert "upgrade-insecure-requests" in secure["Content-Security-Policy"]
    assert secure["Strict-Transport-Security"].startswith("max-age=3600")


def test_production_trusts_the_onion_origin_over_http():
    script = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'hosts': s.ALLOWED_HOSTS, "
        "'origins': s.CSRF_TRUSTED_ORIGINS}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mysite.settings.production",
        "DJANGO_SECRET_KEY": "onion-settings-test-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "campaigns.example.org",
        "ONION_HOST": ONION.upper(),
    }
    result = subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert ONION in loaded["hosts"]
    assert f"http://{ONION}" in loaded["origins"]
    assert "https://campaigns.example.org" in loaded["origins"]


def test_production_keeps_djangos_security_middleware_for_its_deploy_checks():
    from django.conf import settings as live

    middleware = live.MIDDLEWARE
    position = middleware.index("django.middleware.security.SecurityMiddleware")
    assert (
        middleware[position - 1] == "core.serving.onion.OnionBeforeSecurityMiddleware"
    )
    assert middleware[position + 1] == "core.serving.onion.OnionAfterSecurityMiddleware"
