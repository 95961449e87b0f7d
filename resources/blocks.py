"""The resource-listing block, for campaign and home pages."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.struct_block import StructBlockAdapter, StructBlockValidationError

from resources.documents import COVER_RELATIONS, attach_renditions
from resources.models import ResourcePage, ResourceType

MODE_CHOSEN = "chosen"
MODE_LATEST = "latest"


class ResourceListingValue(blocks.StructValue):
    """Resolves the resources to show, whichever mode the editor chose."""

    def resources(self, locale_id=None):
        if self.get("mode") == MODE_CHOSEN:
            # The chooser already fetched these pages, with their covers, in
            # one query for the whole stream; drop any unpublished since.
            return attach_renditions(
                [page for page in self.get("items") or [] if page and page.live]
            )
        queryset = ResourcePage.objects.live().public()
        if locale_id:
            queryset = queryset.filter(locale_id=locale_id)
        if self.get("resource_type"):
            queryset = queryset.filter(resource_type=self["resource_type"])
        if self.get("tag"):
            queryset = queryset.filter(pk__in=tagged_resource_ids(self["tag"]))
        count = self.get("count") or 3
        queryset = queryset.select_related("locale", *COVER_RELATIONS)
        return attach_renditions(
            list(queryset.order_by("-publication_date", "-pk")[:count])
        )

    def library_query(self):
        """The library filters that show the same selection, as a query string."""
        from urllib.parse import urlencode

        if self.get("mode") != MODE_LATEST:
            return ""
        params = {}
        if self.get("resource_type"):
            params["type"] = self["resource_type"]
        if self.get("tag"):
            params["topic"] = slugify(self["tag"])
        return urlencode(params)


def tagged_resource_ids(tag):
    """Ids of resources carrying the tag, given by its name or its slug."""
    from resources.models import ResourcePageTag

    return ResourcePageTag.objects.filter(
        Q(tag__slug=slugify(tag)) | Q(tag__name__iexact=tag.strip())
    ).values("content_object_id")


def topic_choices():
    """The topics used on resources, to pick from a list (slug, name)."""
    from resources.models import ResourcePageTag

    return list(
        ResourcePageTag.objects.values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )


class TopicChoiceBlock(blocks.ChoiceBlock):
    """A topic tag, chosen from those resources carry.

    Stored as the tag's slug; blocks saved when topics were typed by hand hold
    a name ("China"), read as its slug so the list shows it chosen.
    """

    def to_python(self, value):
        return slugify(value or "")


class ResourceChooserBlock(blocks.PageChooserBlock):
    """A resource chosen for a listing, loaded with the images its card shows."""

    # Migrations name it as the block it extends: what it stores is the same
    # (a page id), only how it loads differs, so no app needs a migration.
    canonical_module_path = "wagtail.blocks.PageChooserBlock"

    def bulk_to_python(self, values):
        # Wagtail's own in_bulk (one query for the whole stream), with the
        # covers joined; a resource chosen twice gets two instances likewise.
        found = ResourcePage.objects.select_related("locale", *COVER_RELATIONS).in_bulk(
            values
        )
        result, seen = [], set()
        for pk in values:
            page = found.get(pk)
            result.append(copy.copy(page) if page is not None and pk in seen else page)
            seen.add(pk)
        return result


class ResourceListingBlock(blocks.StructBlock):
    """Cards for resources: ones the editor picks, or the latest by topic or type."""

    mode = blocks.ChoiceBlock(
        label=_("What to show"),
        choices=[
            (MODE_CHOSEN, _("Resources I choose")),
            (MODE_LATEST, _("The latest resources with a topic or type")),
        ],
        default=MODE_CHOSEN,
        help_text=_(
            "Choose resources one by one, or let the list follow new "
            "publications on a topic or of a type."
        ),
    )
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, default=_("Resources")
    )
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        max_length=400,
        help_text=_("Optional sentence under the heading."),
    )
    items = blocks.ListBlock(
        # Optional here: an empty chooser must not block the "latest" mode;
        # clean() asks for at least one in the "chosen" mode.
        ResourceChooserBlock(
            page_type="resources.ResourcePage", label=_("Resource"), required=False
        ),
        label=_("Chosen resources"),
        default=[],
        max_num=6,
        help_text=_("For 'Resources I choose': one to six resources, in order."),
    )
    tag = TopicChoiceBlock(
        label=_("Topic"),
        choices=topic_choices,
        required=False,
        help_text=_("For 'The latest': only resources with this topic."),
    )
    resource_type = blocks.ChoiceBlock(
        label=_("Type"),
        choices=ResourceType.choices,
        required=False,
        help_text=_("For 'The latest': only resources of this type."),
    )
    count = blocks.IntegerBlock(
        label=_("How many"),
        required=False,
        default=3,
        min_value=1,
        max_value=12,
        help_text=_("For 'The latest': how many resources to show (1-12; 3 if empty)."),
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("mode") == MODE_CHOSEN:
            items = [item for item in value.get("items") or [] if item]
            if not items:
                errors["items"] = ValidationError(
                    _("Choose at least one resource, or switch to 'The latest'.")
                )
            elif len(items) > 6:
                errors["items"] = ValidationError(_("Choose six resources at most."))
        else:
            tag = (value.get("tag") or "").strip()
            if not tag and not value.get("resource_type"):
                errors["tag"] = ValidationError(
                    _("Give a topic or a type (or both) for the latest resources.")
                )
            elif tag and not tagged_resource_ids(tag).exists():
                errors["tag"] = ValidationError(
                    _("No resource has the topic '%(tag)s' yet.") % {"tag": tag}
                )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        context["resources"] = value.resources(
            locale_id=getattr(page, "locale_id", None)
        )
        context["library_query"] = value.library_query()
        context["library"] = None
        if value.get("mode") == MODE_LATEST:
            from resources.models import ResourceIndexPage

            libraries = ResourceIndexPage.objects.live()
            if getattr(page, "locale_id", None):
                libraries = libraries.filter(locale_id=page.locale_id)
            context["library"] = libraries.order_by("path").first()
        return context

    class Meta:
        icon = "doc-full"
        label = _("Resource listing")
        label_format = "{heading}"
        template = "resources/blocks/resource_listing.html"
        value_class = ResourceListingValue
        form_classname = "resource-listing-block"
        description = _(
            "Cards for reports and papers: chosen ones, or the latest on a topic."
        )
        preview_value = {
            "mode": MODE_LATEST,
            "heading": "Read our latest papers",
            "intro": "Reports and briefing papers on reprisals at the UN.",
            "count": 3,
        }


class ResourceListingBlockAdapter(StructBlockAdapter):
    """The block's editor shows only the fields of the chosen mode
    (static/resources/js/resource-listing-block.js: no inline script)."""

    js_constructor = "resources.blocks.ResourceListingBlock"

    @cached_property
    def media(self):
        struct_media = super().media
        return forms.Media(
            js=[*struct_media._js, "resources/js/resource-listing-block.js"],
            css=struct_media._css,
        )


register(ResourceListingBlockAdapter(), ResourceListingBlock)
