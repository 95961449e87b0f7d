"""A Wagtail locale for every content language in settings, where absent."""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_document_processing"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Going back leaves the locales: pages may already be written in them.
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
