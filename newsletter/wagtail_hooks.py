"""Admin: mailing lists for editors; subscribers for newsletter managers only."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import ModelLogEntry
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

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
    """Nobody adds subscribers by hand: only a confirmed sign-up proves consent."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        return super().users_with_any_permission(actions)


register_permission_policy(
    Subscriber, SubscriberPermissionPolicy(Subscriber), exact_class=True
)


class SubscriberIndexView(IndexView):
    """The subscriber listing, with an 'Export CSV' button for the filters shown."""

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


class SubscriberViewSet(SnippetViewSet):
    """Supporters, their lists and their consent; deleting one erases them."""

    model = Subscriber
    icon = "group"
    menu_label = _("Subscribers")
    index_view_class = SubscriberIndexView
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

    def get_queryset(self, request):
        return Subscriber.objects.prefetch_related(
            "subscriptions__mailing_list", "subscriptions__consent_wording"
        )


class NewsletterViewSetGroup(SnippetViewSetGroup):
    items = (MailingListViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletter")
    menu_name = "newsletter"


register_snippet(NewsletterViewSetGroup)


@hooks.register("register_admin_urls")
def register_export_url():
    return [path("newsletter/export/", export_subscribers, name="newsletter_export")]


@hooks.register("after_delete_snippet")
def keep_hash_of_erased(request, instances):
    """Erasing a supporter keeps only a keyed hash, to honour their opt-out."""
    erased = [item for item in instances if isinstance(item, Subscriber)]
    for instance in erased:
        ErasedAddress.record(instance.email)
    if erased:
        # Wagtail's audit log labels entries with the address: erase those too
        # (by label: Django has already cleared the deleted instances' pk).
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Subscriber),
            label__in=[item.email for item in erased],
        ).delete()
