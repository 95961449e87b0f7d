"""Admin wiring: the countries-and-regions snippet, and PDF text messages."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from resources.models import PdfText, Place, ResourcePage


class PlaceViewSet(SnippetViewSet):
    """Countries and regions that resources can be filed under."""

    model = Place
    icon = "site"
    menu_label = _("Countries and regions")
    list_display = ["name", "slug", "kind"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "slug"]


register_snippet(PlaceViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def report_pdf_text_status(request, page):
    """Tell the editor at once when a paper's PDF text could not be indexed."""
    page = page.specific
    if not isinstance(page, ResourcePage) or not page.document_id:
        return
    record = PdfText.objects.filter(document_id=page.document_id).first()
    if record is None:
        return
    if record.status == PdfText.Status.FAILED:
        messages.warning(
            request,
            _(
                "The PDF's text could not be indexed: %(reason)s Readers can "
                "still download it, but the library search will not find "
                "words inside it."
            )
            % {"reason": record.message},
        )
    elif record.status == PdfText.Status.PARTIAL:
        messages.warning(
            request,
            _("PDF text partly indexed: %(reason)s") % {"reason": record.message},
        )
    elif record.status == PdfText.Status.PENDING:
        messages.info(
            request,
            _("The PDF's text is being read; its status shows on the edit page."),
        )
