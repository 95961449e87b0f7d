"""The "Newsletter managers" group: the only people, besides superusers, who
see, export and erase subscribers (the role is defined in core/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import NEWSLETTER_MANAGER_PERMISSIONS, NEWSLETTER_MANAGERS_GROUP

def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make ours now.
    app_config = apps.get_app_config("newsletter")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=NEWSLETTER_MANAGERS_GROUP)
    for app_label, model, codename in NEWSLETTER_MANAGER_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            codename=codename,
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NEWSLETTER_MANAGERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
