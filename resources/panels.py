"""Admin panels of the resources app."""

from wagtail.admin.panels import Panel


class PdfTextStatusPanel(Panel):
    """Tells the editor whether the PDF's text was indexed, and if not, why."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/pdf_text_status_panel.html"

        def get_context_data(self, parent_context=None):
            from resources.models import PdfText

            context = super().get_context_data(parent_context)
            document_id = getattr(self.instance, "document_id", None)
            context["document_id"] = document_id
            context["record"] = (
                PdfText.objects.filter(document_id=document_id).first()
                if document_id
                else None
            )
            return context
