"""Admin: mailing lists for editors; subscribers for newsletter managers only."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import ModelLogEntry
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from newsletter.export import export_subscribers
from newsletter.models import ErasedAddress, MailingList, Subscriber, Subscription
from newsletter.sending import admin_hooks  # noqa: F401 - sends: their own module


class MailingListViewSet(SnippetViewSet):
    """Lists that sign-up blocks and pages offer."""

    model = MailingList
    icon = "list-ul"
    menu_label = _("Mailing lists")
    list_display = ["name", "active"]
    list_filter = ["active"]
    search_fields = ["name"]


class SubscriberFilterSet(WagtailFilterSet):
    """Filter supporters by list and state, both on the same subscription."""

    mailing_list = django_filters.ModelChoiceFilter(
        label=_("Mailing list"),
        queryset=MailingList.objects.all(),
        method="filter_nothing",
    )
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=Subscription.State.choices, method="filter_nothing"
    )

    class Meta:
        model = Subscriber
        fields = []

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied together in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return filter_subscribers(queryset, **self.form.cleaned_data)


def filter_subscribers(queryset, mailing_list=None, state=None, **_ignored):
    subscriptions = Subscription.objects.all()
    if mailing_list:
        subscriptions = subscriptions.filter(mailing_list=mailing_list)
    if state:
        subscriptions = subscriptions.filter(state=state)
    if mailing_list or state:
        queryset = queryset.filter(pk__in=subscriptions.values("subscriber_id"))
    return queryset


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Every view of a subscriber shows an address: each action also needs
    'view', held only by Newsletter managers; nobody adds one by hand (only
    a confirmed sign-up proves consent)."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        if action != "view" and not super().user_has_permission(user, "view"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        return super().users_with_any_permission(actions) & (
            super().users_with_permission_for_action("view")
        )


register_permission_policy(
    Subscriber, SubscriberPermissionPolicy(Subscriber), exact_class=True
)


class SubscriberIndexView(IndexView):
    """The subscriber listing, with an 'Export CSV' button for the filters shown."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .prefetch_related(
                "subscriptions__mailing_list", "subscriptions__consent_wording"
            )
        )

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("newsletter.export_subscriber"):
            query = self.request.GET.copy()
            query.pop("p", None)
            url = reverse("newsletter_export")
            if query:
                url += "?" + query.urlencode()
            buttons.append(HeaderButton(_("Export CSV"), url=url, icon_name="download"))
        return buttons


class SubscriberDeleteView(DeleteView):
    """Deleting a supporter erases them, keeping only a keyed hash of the
    address so that their opt-out is honoured."""

    def delete_action(self):
        address = self.object.email
        super().delete_action()
        ErasedAddress.record(address)


class SubscriberViewSet(ModelViewSet):
    """Supporters, their lists and their consent; deleting one erases them.

    Not a snippet: snippets get a chooser, bulk actions and a place in the
    page cache's watch list, none of which a supporter's address belongs in.
    """

    model = Subscriber
    icon = "group"
    menu_label = _("Subscribers")
    url_prefix = "newsletter/subscribers"
    url_namespace = "newsletter_subscribers"
    index_view_class = SubscriberIndexView
    delete_view_class = SubscriberDeleteView
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    list_display = [
        "email",
        Column("lists_summary", label=_("Lists")),
        "created_at",
    ]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "first_name",
        "language",
        "created_at",
        "consent_evidence",
    ]
    copy_view_enabled = False


class NewsletterViewSetGroup(ModelViewSetGroup):
    items = (MailingListViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletter")
    menu_name = "newsletter"


# Registered at import, as register_snippet does, so that the mailing-list
# snippet is known to get_snippet_models() before the admin URLs are loaded.
viewsets.register(NewsletterViewSetGroup())


@hooks.register("register_admin_urls")
def register_export_url():
    return [path("newsletter/export/", export_subscribers, name="newsletter_export")]


@receiver(pre_save, sender=ModelLogEntry)
def label_subscriber_log_entries_without_address(sender, instance, **kwargs):
    """Wagtail labels history and audit-log entries with str(instance), here
    the address: label them with the row's number instead, whatever view
    logged them, so that no report or history page shows an address."""
    if instance.content_type_id == _subscriber_content_type().pk:
        instance.label = subscriber_log_label(instance.object_id)


def subscriber_log_label(object_id):
    return gettext("Subscriber #%(id)s") % {"id": object_id}


def _subscriber_content_type():
    return ContentType.objects.get_for_model(Subscriber)
