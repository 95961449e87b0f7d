"""Admin for key figures: where each is used, which are out of date, and a
form to create one without leaving the chooser."""

import django_filters
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel
from wagtail.admin.ui.tables import Column, StatusTagColumn, UsageCountColumn
from wagtail.models import Locale, ReferenceIndex
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from campaigns.models import STALE_AFTER_YEARS, KeyFigure, stale_before


class StaleFigureWarning(Panel):
    """Warns, at the top of the edit form, that the figure may be out of date."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/stale_figure_warning.html"

        def is_shown(self):
            return bool(self.instance.pk and self.instance.as_of) and (
                self.instance.is_stale
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["years"] = STALE_AFTER_YEARS
            return context


class KeyFigureFilterSet(WagtailFilterSet):
    """Filters the figure listing by freshness."""

    stale = django_filters.BooleanFilter(
        label=_("Out of date"),
        method="filter_stale",
        help_text=_("Figures whose 'true as of' date is over three years ago."),
    )

    class Meta:
        model = KeyFigure
        fields = []

    def filter_stale(self, queryset, name, value):
        if value is None:
            return queryset
        if value:
            return queryset.filter(as_of__lt=stale_before())
        return queryset.filter(as_of__gte=stale_before())


class KeyFigureIndexView(IndexView):
    """The figure listing, with each figure's usage count on the visible page."""

    usage_url_name = None

    def get_table(self, object_list):
        objects = list(object_list)
        counts = ReferenceIndex.get_count_references_to_in_bulk(objects)
        for obj in objects:
            obj.usage_count = counts.get(obj, 0)
            obj.usage_url = reverse(self.usage_url_name, args=[quote(obj.pk)])
        return super().get_table(objects)


def _freshness(figure):
    return _("Out of date") if figure.is_stale else _("Current")


class KeyFigureCreationForm(WagtailAdminModelForm):
    """The chooser's short form for a new figure: a source link, not a
    document (a chooser cannot open inside the chooser)."""

    class Meta:
        model = KeyFigure
        fields = ["figure", "label", "period", "as_of", "source_title", "source_url"]


class KeyFigureChooserCreateView(SnippetCreateView):
    """Creates a figure from inside the chooser, reviewed like any other:
    a moderator's is published; anyone else's is a draft submitted for review,
    which readers see only once a moderator approves it."""

    def save_form(self, form):
        figure = form.save(commit=False)
        figure.locale = (
            Locale.objects.filter(language_code=self.request.GET.get("locale")).first()
            or Locale.get_default()
        )
        figure.live = False
        figure.has_unpublished_changes = True
        figure.save()
        user = self.request.user
        revision = figure.save_revision(user=user, log_action=True)
        if self.get_permission_policy().user_has_permission(user, "publish"):
            revision.publish(user=user)
        elif workflow := figure.get_workflow():
            workflow.start(figure, user)
        return figure


class KeyFigureChooserViewSet(SnippetChooserViewSet):
    """The key-figure chooser, with a tab to create one."""

    create_view_class = KeyFigureChooserCreateView
    creation_form_class = KeyFigureCreationForm
    creation_tab_label = _("New key figure")
    create_action_label = _("Create key figure")
    create_action_clicked_label = _("Creating…")


class KeyFigureViewSet(SnippetViewSet):
    """Key figures in the admin: listing, freshness filter, usage column."""

    model = KeyFigure
    icon = "decimal"
    menu_label = _("Key figures")
    add_to_admin_menu = True
    menu_order = 300
    index_view_class = KeyFigureIndexView
    chooser_viewset_class = KeyFigureChooserViewSet
    filterset_class = KeyFigureFilterSet
    list_display = [
        "figure",
        "label",
        Column("as_of", label=_("True as of"), sort_key="as_of"),
        StatusTagColumn(
            "freshness",
            label=_("Freshness"),
            accessor=_freshness,
            primary=lambda figure: not figure.is_stale,
        ),
        UsageCountColumn("usage_count", label=_("Used on")),
    ]
    panels = [StaleFigureWarning(), *KeyFigure.panels]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            usage_url_name=self.get_url_name("usage"), **kwargs
        )


register_snippet(KeyFigureViewSet)
