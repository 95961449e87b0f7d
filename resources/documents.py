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


# The renditions the cover templates ask for ({% picture %} in
# resources/includes/resource_card.html and resources/resource_page.html).
COVER_SPECS = tuple(
    f"format-{fmt}|width-{width}"
    for fmt in ("avif", "webp", "jpeg")
    for width in (320, 640)
)


def attach_renditions(resources):
    """Give every cover the resources show its renditions, in at most one
    query for them all.

    Wagtail's rendition cache is asked first, in one round trip; only the
    images it cannot fully answer for (after a flush, with Redis down) are
    read from the database, together. Left to itself, Wagtail would ask the
    database once per card on a cold cache.
    """
    from wagtail.images import get_image_model
    from wagtail.images.models import Filter

    images = {}
    for resource in resources:
        image = resource.get_listing_image()
        if image is not None and image.pk:
            images.setdefault(image.pk, []).append(image)
    if not images:
        return resources
    rendition_model = get_image_model().get_rendition_model()
    filters = [Filter(spec=spec) for spec in COVER_SPECS]
    keys = {
        rendition_model.construct_cache_key(
            same[0], spec.get_cache_key(same[0]), spec.spec
        ): pk
        for pk, same in images.items()
        for spec in filters
    }
    found = {pk: [] for pk in images}
    for key, rendition in rendition_model.cache_backend.get_many(keys).items():
        found[keys[key]].append(rendition)
    missing = [pk for pk, renditions in found.items() if len(renditions) < len(filters)]
    from_database = []
    if missing:
        for pk in missing:
            found[pk] = []
        from_database = list(
            rendition_model.objects.filter(
                image_id__in=missing, filter_spec__in=COVER_SPECS
            )
        )
        for rendition in from_database:
            found[rendition.image_id].append(rendition)
    for pk, same in images.items():
        for rendition in found[pk]:
            rendition.image = same[0]  # no query back to the image
    if from_database:
        # Wagtail does not cache renditions it was handed: the next render
        # would read the database again.
        rendition_model.cache_backend.set_many(
            {rendition.get_cache_key(): rendition for rendition in from_database}
        )
        for image in same:
            # Wagtail reads this attribute before its cache and the database.
            image.prefetched_renditions = list(found[pk])
    return resources
