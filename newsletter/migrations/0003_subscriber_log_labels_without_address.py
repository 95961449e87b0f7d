"""Audit-log entries written before subscribers left the snippets were
labelled with the address: relabel them with the row's number, as new ones
are (newsletter/wagtail_hooks.py)."""

from django.db import migrations


def relabel(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    content_type = ContentType.objects.filter(
        app_label="newsletter", model="subscriber"
    ).first()
    if content_type is None:
        return
    entries = ModelLogEntry.objects.filter(content_type=content_type)
    for entry in entries.only("pk", "object_id").iterator():
        ModelLogEntry.objects.filter(pk=entry.pk).update(
            label=f"Subscriber #{entry.object_id}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0002_newsletter_managers_group"),
        ("wagtailcore", "0063_modellogentry"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(relabel, migrations.RunPython.noop)]
