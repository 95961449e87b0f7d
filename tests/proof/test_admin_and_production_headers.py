"""The admin's own Content-Security-Policy, previews, and production's HSTS."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.serving.paths import is_preview_path
from tests import factories

PROJECT_DIR = Path(__file__).resolve().parents[2]


def directives(response):
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in response["Content-Security-Policy"].split(";"))
        if part
    }


def test_the_admin_gets_its_own_policy(admin_client, home_page):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    # Wagtail's admin needs inline scripts and styles ...
    assert "'unsafe-inline'" in policy["script-src"]
    # ... but still calls no other host, and no one may frame it.
    assert policy["default-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_the_admin_login_page_gets_the_admin_policy(client, home_page):
    response = client.get("/admin/login/")
    assert "'unsafe-inline'" in directives(response)["script-src"]


def test_public_pages_never_get_the_admin_policy(client, home_page):
    policy = directives(client.get("/"))
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_a_page_preview_may_be_framed_by_the_admin_only(admin_client, home_page):
    about = factories.make_standard_page(home_page, title="About us", slug="about")
    response = admin_client.get(f"/admin/pages/{about.pk}/edit/preview/")
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_a_rendered_draft_gets_the_admin_policy_and_no_public_caching(
    admin_client, home_page
):
    about = factories.make_standard_page(home_page, title="About us", slug="about")
    response = admin_client.get(f"/admin/pages/{about.pk}/view_draft/")
    assert response.status_code == 200
    assert b"About us" in response.content
    # Wagtail renders drafts by sending a dummy request for the page's public
    # URL through the middleware again: the page's public policy, its
    # Cache-Control and the page cache must not apply to it.
    assert "'unsafe-inline'" in directives(response)["script-src"]
    assert "public" not in response.get("Cache-Control", "")
    assert getattr(response, "page_cache", None) is None


@pytest.mark.parametrize(
    ("path", "framed"),
    [
        ("/admin/pages/3/edit/preview/", True),
        ("/admin/pages/add/campaigns/campaignpage/2/preview/", True),
        ("/admin/block-preview/", True),
        ("/admin/snippets/campaigns/keyfigure/preview/1/", True),
        ("/admin/pages/3/edit/", False),
        ("/admin/", False),
        ("/preview/", False),  # a public page called "preview" is not the admin
    ],
)
def test_which_paths_count_as_previews(path, framed):
    assert is_preview_path(path) is framed


def production_settings():
    """Production settings as a deployment would load them, in a fresh process."""
    script = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'hsts': s.SECURE_HSTS_SECONDS, "
        "'subdomains': s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "'csp': s.CONTENT_SECURITY_POLICY['DIRECTIVES'], "
        "'middleware': s.MIDDLEWARE, "
        "'frontend': getattr(s, 'WAGTAILFRONTENDCACHE', {})}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mysite.settings.production",
        "DJANGO_SECRET_KEY": "production-settings-test-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "campaigns.example.org",
        "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081",
    }
    result = subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_and_upgrades_insecure_requests():
    settings = production_settings()
    assert settings["hsts"] >= 365 * 24 * 3600
    assert settings["subdomains"] is True
    assert settings["csp"]["upgrade-insecure-requests"] is True
    middleware = settings["middleware"]
    assert "core.serving.headers.ContentSecurityPolicyMiddleware" in middleware
    assert "core.serving.page_cache.PageCacheMiddleware" in middleware
    assert settings["frontend"]["default"]["BACKEND"].endswith("HTTPBackend")
