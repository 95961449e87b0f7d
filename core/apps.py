from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Shared site parts")

    def ready(self):
        from core import patches, roles, search_backend, uploads
        from core.serving import page_cache, request_memo

        post_migrate.connect(
            roles.grant_after_last_app, dispatch_uid="core.grant_snippet_permissions"
        )
        uploads.connect_signals()
        search_backend.connect_signals()
        page_cache.connect_signals()
        request_memo.connect_signals()
        patches.apply()
