"""The library: resource pages (reports, briefing papers ...), their index with
filters, search and feeds, and the country/region snippet. What the worker
reads from their PDFs (text, cover) is in resources.documents."""

import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import BasePage
from core.serving.headers import never_store
from core.tree import ancestors
from resources.documents import (
    COVER_RELATIONS,
    DocumentCover,
    PdfText,
    attach_renditions,
)
from resources.panels import PdfTextStatusPanel


class ResourceType(models.TextChoices):
    """The kinds of publication in the library (values appear in library URLs)."""

    REPORT = "report", _("Report")
    BRIEFING_PAPER = "briefing-paper", _("Briefing paper")
    SUBMISSION = "submission", _("Submission")
    STATEMENT = "statement", _("Statement")
    NEWS = "news", _("News")


class Place(TranslatableMixin, models.Model):
    """A country or region that resources are about; the library filters by it."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        REGION = "region", _("Region")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_(
            "Used in library addresses, e.g. ?place=china. Keep it the same in "
            "every language so shared links keep working."
        ),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNTRY
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country or region")
        verbose_name_plural = _("countries and regions")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="resources_place_unique_slug"
            )
        ]

    def __str__(self):
        return self.name


class ResourcePageTag(TaggedItemBase):
    """A topic tag on a resource (e.g. china, reprisals)."""

    content_object = ParentalKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class ResourcePageForm(WagtailAdminPageForm):
    """Offers only the countries and regions of the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "places" in self.fields:
            locale_id = self.instance.locale_id or Locale.get_default().pk
            self.fields["places"].queryset = Place.objects.filter(locale_id=locale_id)


class ResourcePage(BasePage):
    """One publication: a report, briefing paper, submission, statement or news."""

    resource_type = models.CharField(
        _("type"),
        max_length=20,
        choices=ResourceType.choices,
        default=ResourceType.REPORT,
    )
    publication_date = models.DateField(
        _("publication date"),
        default=datetime.date.today,
        help_text=_("When the paper was published; the library sorts by it."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_(
            "Two or three sentences in plain words: shown on cards, in the feed "
            "and as the search-engine description."
        ),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Optional: the web version of the paper."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The paper to download. Its text is read and indexed so the "
            "library search finds words inside it (PDFs up to 20 MB)."
        ),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The paper's cover or an image that stands for it. Left empty, "
            "the first page of the PDF is shown instead."
        ),
    )
    tags = ClusterTaggableManager(
        through=ResourcePageTag,
        blank=True,
        verbose_name=_("topics"),
        help_text=_(
            "Topics the library can be filtered by, e.g. china, reprisals. "
            "Reuse existing topics where you can."
        ),
    )
    places = ParentalManyToManyField(
        "resources.Place",
        blank=True,
        related_name="resources",
        verbose_name=_("countries and regions"),
        help_text=_("The countries or regions the paper is about, if any."),
    )
    related_campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("related campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The campaign this paper supports, linked from the page."),
    )

    base_form_class = ResourcePageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("resource_type"),
        FieldPanel("publication_date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("document"), PdfTextStatusPanel()],
            heading=_("PDF"),
        ),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("tags"),
                FieldPanel("places", widget=forms.CheckboxSelectMultiple),
                # The campaign page type is named by the settings: resources
                # sits below campaigns and does not know it (.importlinter).
                PageChooserPanel(
                    "related_campaign", settings.RESOURCES_RELATED_CAMPAIGN_TYPE
                ),
            ],
            heading=_("Topics and links"),
        ),
        InlinePanel(
            "related_resources",
            label=_("Related resource"),
            heading=_("Related resources"),
            max_num=6,
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("pdf_search_text"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("resource_type"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    template = "resources/resource_page.html"

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        # The library's order, newest first: its pages (and the home page's
        # latest papers) read the index instead of sorting the archive.
        indexes = [
            models.Index(
                fields=["publication_date", "page_ptr"],
                name="resource_publication_order",
            )
        ]

    @property
    def default_summary(self):
        return self.summary

    @property
    def default_image(self):
        return self.cover

    @property
    def cover(self):
        """The editor's cover image, or else the one drawn from the PDF."""
        if self.cover_image_id:
            return self.cover_image
        if not self.document_id:
            return None
        document = self._state.fields_cache.get("document")
        if document is not None and "generated_cover" in document._state.fields_cache:
            record = document.generated_cover  # joined by the listing query
        else:
            record = (
                DocumentCover.objects.select_related("image")
                .filter(document_id=self.document_id)
                .first()
            )
        return record.image if record else None

    # Shared as a dated piece of writing, not a website.
    og_type = "article"

    def get_json_ld(self, request=None, image_url=None):
        """A Report (or news article) with its publication date and PDF."""
        data = super().get_json_ld(request, image_url)
        data["@type"] = {
            ResourceType.NEWS: "NewsArticle",
            ResourceType.STATEMENT: "Article",
        }.get(self.resource_type, "Report")
        data["headline"] = self.title
        data["genre"] = str(self.get_resource_type_display())
        data["datePublished"] = self.publication_date.isoformat()
        if "publisher" in data:
            # The organisation writes its papers.
            data["author"] = data["publisher"]
        if self.document_id:
            data["encoding"] = {
                "@type": "MediaObject",
                "contentUrl": request.build_absolute_uri(self.document.url)
                if request
                else self.document.url,
                "encodingFormat": "application/pdf",
            }
        return data

    def pdf_search_text(self):
        """The PDF's extracted text, for the search index."""
        if not self.document_id:
            return ""
        record = PdfText.objects.filter(document_id=self.document_id).first()
        return record.text if record else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The first live library above the resource, from the ancestors the
        # breadcrumbs read (core.tree: no query until content changes).
        context["library"] = next(
            (
                page
                for page in ancestors(self)
                if isinstance(page, ResourceIndexPage) and page.live
            ),
            None,
        )
        context["tags"] = list(self.tags.order_by("name"))
        context["places"] = list(self.places.all())
        context["cover"] = self.cover
        context["related"] = attach_renditions(
            [
                link.resource
                for link in self.related_resources.select_related(
                    "resource",
                    *(f"resource__{relation}" for relation in COVER_RELATIONS),
                )
                if link.resource.live
            ]
        )
        campaign = self.related_campaign
        context["campaign"] = campaign if campaign and campaign.live else None
        return context


class RelatedResource(Orderable):
    """Another resource shown under 'Related resources' on a resource page."""

    page = ParentalKey(
        ResourcePage, on_delete=models.CASCADE, related_name="related_resources"
    )
    resource = models.ForeignKey(
        ResourcePage,
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]


class ResourceIndexPage(RoutablePageMixin, BasePage):
    """The library: every resource, newest first, with filters, search and feeds."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("A sentence or two above the filters."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1
    template = "resources/resource_index_page.html"

    per_page = 12
    feed_length = 20

    class Meta:
        verbose_name = _("resource library")

    @property
    def default_summary(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from resources.library import Library

        context = super().get_context(request, *args, **kwargs)
        library = Library(self, request.GET)
        context["library"] = library
        context["filter_form"] = library.form
        context["page_obj"] = library.get_page(request.GET.get("page"))
        context["resources"] = context["page_obj"].object_list
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.GET.get("q", "").strip():
            # What a reader searched for is never kept in a shared cache.
            never_store(response)
        return response

    @path("feed/", name="feed")
    def feed(self, request):
        """An Atom feed of the newest resources, with the library's filters."""
        from resources.feeds import ResourceFeed

        return ResourceFeed()(request, index=self)
