"""The two editorial roles and the moderation workflow, as core/roles.py
defines them.

"Communications staff" edit and submit pages, images, documents and snippets
but cannot publish; "Moderators" review and publish. Permissions sit on the
root of the page tree and of the collection tree, so they hold on a fresh
database before any home page exists. Snippet permissions are granted after
every migration by core (core/roles.py), as apps add snippet models.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import (
    APPS_WITH_PERMISSIONS,
    COLLECTION_PERMISSIONS,
    MODEL_PERMISSIONS,
    MODERATORS_GROUP,
    PAGE_PERMISSIONS,
    STAFF_GROUP,
    WORKFLOW_NAME,
)

def _permission(Permission, app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make the ones we need now.
    for label in APPS_WITH_PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    page_root = Page.objects.filter(depth=1).first()
    collection_root = Collection.objects.filter(depth=1).first()

    # Wagtail's starter "Editors" group is what "Communications staff" replaces;
    # drop it unless someone already uses it.
    Group.objects.filter(name="Editors", user__isnull=True).delete()

    groups = {}
    for name in (STAFF_GROUP, MODERATORS_GROUP):
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        # The role is exactly what is listed here: reset what Wagtail's
        # starter data gave the Moderators group (e.g. global image rights).
        group.permissions.set(
            [_permission(Permission, app, code) for app, code in MODEL_PERMISSIONS[name]]
        )
        if page_root is not None:
            GroupPagePermission.objects.filter(group=group, page=page_root).delete()
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.create(
                    group=group,
                    page=page_root,
                    permission=_permission(Permission, "wagtailcore", codename),
                )
        if collection_root is not None:
            GroupCollectionPermission.objects.filter(
                group=group, collection=collection_root
            ).delete()
            for app, codename in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=collection_root,
                    permission=_permission(Permission, app, codename),
                )

    # One workflow on the whole tree: Moderators approve every page.
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW_NAME, content_type=task_type, active=True
        )
    task.active = True
    task.save()
    task.groups.set([groups[MODERATORS_GROUP]])
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    workflow.active = True
    workflow.save()
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if page_root is not None:
        WorkflowPage.objects.update_or_create(
            page=page_root, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("core", "0002_site_furniture"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
