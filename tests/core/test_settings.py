"""Settings: production refuses to start unsafely; the admin calls no outside host."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-for-this-test-only-123456",
    "DJANGO_ALLOWED_HOSTS": "campaigns.example.org",
    "WAGTAILADMIN_BASE_URL": "https://campaigns.example.org",
    "DJANGO_SETTINGS_MODULE": "mysite.settings.production",
}


def run_manage(*args, env_overrides, drop=()):
    env = {**os.environ, **env_overrides}
    for name in drop:
        env.pop(name, None)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check", env_overrides=PRODUCTION_ENV | {"DJANGO_SECRET_KEY": ""}
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage(
        "check", env_overrides=PRODUCTION_ENV, drop=("DJANGO_ALLOWED_HOSTS",)
    )
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_base_settings_are_production_safe():
    from mysite.settings import base

    assert base.DEBUG is False
    assert not base.SECRET_KEY or base.SECRET_KEY == os.environ.get("DJANGO_SECRET_KEY")


def test_admin_makes_no_calls_to_outside_hosts():
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_languages_are_english_french_spanish_arabic_and_chinese():
    assert settings.WAGTAIL_I18N_ENABLED
    assert settings.LANGUAGE_CODE == "en"
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == [
        "en",
        "fr",
        "es",
        "ar",
        "zh-hans",
    ]
