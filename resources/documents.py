"""What the task worker reads from a resource's PDF (models of resources):
its text, for the search index, and a picture of its first page, as a cover.

Kept beside the document, not on the resource page: a page's fields are
restored from its revision on every publish, so a value the worker wrote on
the page would be lost; and one PDF used by several resources is read once.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string


class PdfText(models.Model):
    """The text read out of a PDF document, indexed with the pages that use it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be read")
        INDEXED = "indexed", _("Indexed")
        PARTIAL = "partial", _("Partly indexed")
        FAILED = "failed", _("Not indexed")
        SKIPPED = "skipped", _("Not a PDF")

    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="pdf_text",
    )
    # The stored file the text came from: a replaced file is read again.
    source_name = models.CharField(max_length=255)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    message = models.CharField(max_length=255, blank=True)
    text = models.TextField(blank=True)
    page_count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("PDF text")
        verbose_name_plural = _("PDF texts")

    def __str__(self):
        return f"{self.document_id}: {self.get_status_display()}"


class DocumentCover(models.Model):
    """The picture of a PDF document's first page, shown as the cover of the
    resources that use it when their editors gave none."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being drawn")
        DONE = "done", _("Drawn")
        FAILED = "failed", _("No cover (damaged or protected PDF)")

    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="generated_cover",
        verbose_name=_("document"),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("generated cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Drawn from the PDF's first page; replaced when the file changes. "
            "A cover image chosen on the resource is shown instead."
        ),
    )
    # The stored file the picture was drawn from: a replaced file is drawn again.
    source_name = models.CharField(_("file"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("document cover")
        verbose_name_plural = _("document covers")

    def __str__(self):
        return f"{self.document_id}: {self.get_status_display()}"


# What a resource card or page needs to show its cover without a query per
# card: the editor's images and the generated one, joined in the same query.
COVER_RELATIONS = (
    "listing_image",
    "cover_image",
    "document__generated_cover__image",
)


def attach_renditions(resources):
    """Load the renditions of every cover the resources show, in one query.

    Wagtail's rendition cache usually answers, but right after a cache flush
    each card would ask the database for its own; prefetching per relation
    would cost one query for each of the three image fields.
    """
    from wagtail.images import get_image_model

    images = {}
    for resource in resources:
        image = resource.get_listing_image()
        if image is not None and image.pk:
            images.setdefault(image.pk, []).append(image)
    if not images:
        return resources
    rendition_model = get_image_model().get_rendition_model()
    found = {}
    for rendition in rendition_model.objects.filter(image_id__in=images):
        found.setdefault(rendition.image_id, []).append(rendition)
    for pk, same_image in images.items():
        for rendition in found.get(pk, []):
            rendition.image = same_image[0]  # no query back to the image
        for image in same_image:
            # Wagtail reads this attribute before its cache and the database.
            image.prefetched_renditions = list(found.get(pk, []))
    return resources


def with_covers(resources):
    """The resources (a list, e.g. chosen in a block) fetched again with
    their covers and renditions, in two queries whatever their number."""
    from resources.models import ResourcePage

    by_id = (
        ResourcePage.objects.filter(pk__in=[page.pk for page in resources])
        .select_related("locale", *COVER_RELATIONS)
        .in_bulk()
    )
    return attach_renditions([by_id.get(page.pk, page) for page in resources])
