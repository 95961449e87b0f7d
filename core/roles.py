"""The site's roles: the one place that names each group and what it may do.

- "Communications staff" edit and submit pages, images, documents and
  snippets but cannot publish;
- "Moderators" review and publish, and change what goes live at once
  (site settings, redirects, search promotions);
- "Newsletter managers" alone (with superusers) see, export and erase
  subscribers.

The data migrations create the groups from these constants
(home/migrations/0002_editor_roles.py, newsletter/migrations/0002_...); a
constant changed here reaches an existing database only through a new
migration. Snippet models arrive with each app, so the editorial groups'
snippet rights are granted after every `migrate`, generically, for every
registered snippet model except SUBSCRIBER_DATA_MODELS.
"""

from django.apps import apps as global_apps
from django.contrib.auth import get_permission_codename

STAFF_GROUP = "Communications staff"
MODERATORS_GROUP = "Moderators"
NEWSLETTER_MANAGERS_GROUP = "Newsletter managers"
WORKFLOW_NAME = "Moderators approval"

# Pages, on the root of the page tree (so they hold before a home page exists).
PAGE_PERMISSIONS = {
    STAFF_GROUP: ["add_page", "change_page"],
    MODERATORS_GROUP: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ],
}
# Images and documents, on the root collection.
COLLECTION_PERMISSIONS = {
    STAFF_GROUP: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    MODERATORS_GROUP: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtailimages", "delete_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtaildocs", "delete_document"),
    ],
}
# Model permissions (app label, codename). Changes to the moderators' extra
# models go live at once, without review: moderators only.
MODEL_PERMISSIONS = {
    STAFF_GROUP: [("wagtailadmin", "access_admin")],
    MODERATORS_GROUP: [
        ("wagtailadmin", "access_admin"),
        ("core", "change_sitesettings"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        ("wagtailsearchpromotions", "add_searchpromotion"),
        ("wagtailsearchpromotions", "change_searchpromotion"),
        ("wagtailsearchpromotions", "delete_searchpromotion"),
    ],
}
# The apps whose permissions the editorial-roles migration needs to exist.
APPS_WITH_PERMISSIONS = [
    "wagtailadmin",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailsearchpromotions",
    "core",
]
# (app label, model, codename) for the newsletter managers.
NEWSLETTER_MANAGER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("newsletter", "subscriber", "view_subscriber"),
    ("newsletter", "subscriber", "change_subscriber"),
    ("newsletter", "subscriber", "delete_subscriber"),
    ("newsletter", "subscriber", "export_subscriber"),
    ("newsletter", "mailinglist", "add_mailinglist"),
    ("newsletter", "mailinglist", "change_mailinglist"),
    ("newsletter", "mailinglist", "delete_mailinglist"),
    ("newsletter", "mailinglist", "view_mailinglist"),
]

# Snippet rights: staff prepare; moderators also delete and publish (where a
# snippet has drafts).
STAFF_ACTIONS = ("add", "change", "view")
MODERATOR_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")
# Snippet models the editorial groups get no rights on: subscriber data is
# for the newsletter managers only.
SUBSCRIBER_DATA_MODELS = ("newsletter.Subscriber", "newsletter.Subscription")


def excluded_models():
    return {label.lower() for label in SUBSCRIBER_DATA_MODELS}


def _actions_for(model, wanted):
    from wagtail.models import DraftStateMixin, LockableMixin

    actions = [a for a in wanted if a in ("add", "change", "delete", "view")]
    if issubclass(model, DraftStateMixin) and "publish" in wanted:
        actions.append("publish")
    if issubclass(model, LockableMixin):
        actions += [a for a in ("lock", "unlock") if a in wanted]
    return actions


def grant_snippet_permissions(**kwargs):
    """Give both editorial groups their rights on every registered snippet model."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType, WorkflowMixin
    from wagtail.snippets.models import get_snippet_models

    groups = {
        g.name: g
        for g in Group.objects.filter(name__in=[STAFF_GROUP, MODERATORS_GROUP])
    }
    if not groups:
        return
    excluded = excluded_models()
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    for model in get_snippet_models():
        if model._meta.label_lower in excluded:
            continue
        content_type = ContentType.objects.get_for_model(
            model, for_concrete_model=False
        )
        for name, wanted in (
            (STAFF_GROUP, STAFF_ACTIONS),
            (MODERATORS_GROUP, MODERATOR_ACTIONS),
        ):
            group = groups.get(name)
            if group is None:
                continue
            for action in _actions_for(model, wanted):
                codename = get_permission_codename(action, model._meta)
                permission, _created = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=codename,
                    defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
                )
                group.permissions.add(permission)
        # Snippets with drafts go through the same review as pages.
        if workflow is not None and issubclass(model, WorkflowMixin):
            WorkflowContentType.objects.get_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )


def grant_after_last_app(sender, **kwargs):
    """post_migrate runs once per app with models: act on the last one, when
    every model and Wagtail's extra snippet permissions exist."""
    with_models = [
        config
        for config in global_apps.get_app_configs()
        if config.models_module is not None
    ]
    if with_models and sender is with_models[-1]:
        grant_snippet_permissions()
