"""Who may do what with newsletter sends.

Communications staff request sends (and send tests); moderators and
newsletter managers approve them. Groups are made if missing (get_or_create,
as home's editor-roles migration does), so the two migrations may run in
either order.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RIGHTS = {
    "Communications staff": ["add_issuesend", "view_issuesend"],
    "Moderators": ["add_issuesend", "view_issuesend", "approve_issuesend"],
    "Newsletter managers": ["add_issuesend", "view_issuesend", "approve_issuesend"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("newsletter")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in RIGHTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="newsletter", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="newsletter", content_type__model="issuesend"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0003_issuesend_suppression_delivery")]

    operations = [migrations.RunPython(grant, revoke)]
