"""The editorial roles' rights over snippets, granted as apps add snippet models.

The groups themselves, with their page, image and document rights and the
moderation workflow, come from a data migration (home/migrations); snippet
models arrive with each app, so their rights are granted after every
`migrate`, generically, for every registered snippet model except those named
in the EDITOR_ROLES_EXCLUDED_MODELS setting (e.g. subscriber data).
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth import get_permission_codename

STAFF_GROUP = "Communications staff"
MODERATORS_GROUP = "Moderators"
WORKFLOW_NAME = "Moderators approval"

# Staff prepare; moderators also delete and publish (where a snippet has drafts).
STAFF_ACTIONS = ("add", "change", "view")
MODERATOR_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")


def excluded_models():
    return {
        label.lower() for label in getattr(settings, "EDITOR_ROLES_EXCLUDED_MODELS", [])
    }


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
