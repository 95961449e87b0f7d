"""Upload forms that refuse, with a clear message, files whose metadata
cannot be removed, and tell the editor where a document's processing is.

Named in the settings as WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single and multiple upload views
both use them.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from core.forms import ImageForm
from core.image_metadata import ImageNotCleanable, strip_image_metadata
from core.pdf_metadata import pdf_needs_password

_STATUS_HELP = {
    "pending": _(
        "Being prepared: its metadata (author, tools) is being removed. "
        "Until then only editors can download it."
    ),
    "done": _("Ready: its metadata was removed, and readers can download it."),
    "failed": _(
        "Not published: %(reason)s Readers cannot download it; upload a new file."
    ),
}


def _uploaded_bytes(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


class MetadataSafeImageForm(ImageForm):
    """The image form with alt text explained, refusing uncleanable files."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            try:
                strip_image_metadata(_uploaded_bytes(upload))
            except ImageNotCleanable as error:
                raise ValidationError(
                    _(
                        "This image cannot be stored without the information "
                        "in it that could identify who took it or where "
                        "(%(detail)s). Export it again as JPEG or PNG."
                    ),
                    params={"detail": error},
                    code="not_cleanable",
                ) from error
        return upload


class MetadataSafeDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        record = (
            getattr(self.instance, "processing", None) if self.instance.pk else None
        )
        if record is not None and "file" in self.fields:
            self.fields["file"].help_text = _STATUS_HELP[record.status] % {
                "reason": record.reason
            }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if (
            upload
            and "file" in self.changed_data
            and upload.name.lower().endswith(".pdf")
            and pdf_needs_password(_uploaded_bytes(upload))
        ):
            raise ValidationError(
                _(
                    "This PDF needs a password to open, so the information in "
                    "it that could identify its author cannot be removed. "
                    "Save it again without a password and upload that copy."
                ),
                code="pdf_password",
            )
        return upload
