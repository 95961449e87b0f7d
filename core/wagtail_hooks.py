"""Admin furniture every app shares: the project's editors' guide in the help menu."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.views import EditorGuideView

# Wagtail's help items that open its own site, about buttons this site may
# not have: its editor guide and its release notes.
WAGTAIL_SITE_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("guide/", EditorGuideView.as_view(), name="editor_guide")]


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem(
        _("Editors' guide (this site)"),
        reverse_lazy("editor_guide"),
        icon_name="help",
        order=1050,
        name="site-editor-guide",
    )


@hooks.register("construct_help_menu")
def hide_wagtail_generic_guide(request, menu_items):
    """The project's guide replaces Wagtail's generic one."""
    menu_items[:] = [
        item for item in menu_items if not item.name.startswith(WAGTAIL_SITE_ITEMS)
    ]
