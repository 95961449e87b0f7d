"""Admin and serving hooks for uploads: a document whose metadata is not yet
stripped (or could not be) is served to editors only."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from wagtail import hooks


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
            _("This document is being prepared. Please try again in a minute."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "60"
    else:
        response = HttpResponse(
            _("This document is not available."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    response["Cache-Control"] = "no-store"
    return response
