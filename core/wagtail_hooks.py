"""Admin hooks every app shares: the project's editors' guide in the help
menu, the review action first for moderators, the drafts nobody submitted on
the dashboard, and documents whose metadata
is not yet stripped (or could not be) served to editors only."""

from django.http import HttpResponse
from django.urls import path, reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.drafts import UnsubmittedDraftsPanel
from core.moderation import review_first
from core.views import EditorGuideView

# Wagtail's help items that open its own site, about buttons this site may
# not have: its editor guide and its release notes.
WAGTAIL_SITE_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("before_serve_page")
def serve_page_in_its_language(page, request, args, kwargs):
    """Never English labelled as another language (core.i18n)."""
    from core.i18n import serve_in_written_language

    serve_in_written_language(page, request)


@hooks.register("before_serve_document")
def serve_only_processed_documents(document, request):
    """Readers get a document only once its metadata is stripped.

    Editors (anyone who may use the admin) can always download it, to check
    what they uploaded. Documents without a processing record (not PDFs, or
    older than this check) are served as before.
    """
    from core.models import DocumentProcessing

    record = DocumentProcessing.objects.filter(document=document).first()
    if record is None or record.status == DocumentProcessing.Status.DONE:
        return None
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if record.status == DocumentProcessing.Status.PENDING:
        response = HttpResponse(
            gettext("This document is being prepared. Please try again in a minute."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "60"
    else:
        response = HttpResponse(
            gettext("This document is not available."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    response["Cache-Control"] = "no-store"
    return response


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


@hooks.register("construct_page_action_menu")
def review_first_for_pages(menu_items, request, context):
    review_first(menu_items)


@hooks.register("construct_snippet_action_menu")
def review_first_for_snippets(menu_items, request, context):
    review_first(menu_items)


@hooks.register("construct_homepage_panels")
def show_unsubmitted_drafts(request, panels):
    panels.append(UnsubmittedDraftsPanel())
