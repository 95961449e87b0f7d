"""The demo site loads, and loads again without duplicating anything."""

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Site


def count_everything():
    """Rows per model in the project's apps and Wagtail's content tables."""
    labels = {"core", "home", "campaigns", "resources", "newsletter"}
    counts = {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in labels
    }
    counts["pages"] = Page.objects.count()
    counts["sites"] = Site.objects.count()
    counts["images"] = apps.get_model("wagtailimages", "Image").objects.count()
    counts["documents"] = apps.get_model("wagtaildocs", "Document").objects.count()
    return counts


@pytest.mark.django_db
def test_demo_content_loads_twice_without_duplicates(demo_site, client):
    first = count_everything()  # after the first load (demo_site)
    call_command("load_demo_content", verbosity=0)
    assert count_everything() == first

    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    response = client.get("/", HTTP_HOST=site.hostname)
    assert response.status_code == 200
    assert b"About us" in response.content


@pytest.mark.django_db
def test_admin_account_is_created_once_with_the_password_from_the_environment(
    monkeypatch, capsys
):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("DJANGO_ADMIN_PASSWORD", "a-password-from-env")
    call_command("ensure_admin")
    call_command("ensure_admin")
    users = get_user_model().objects.filter(username="admin")
    assert users.count() == 1
    assert users.get().check_password("a-password-from-env")
    assert "a-password-from-env" in capsys.readouterr().out
