"""The home page (the site root) and standard content pages."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.i18n import pages_in_language
from core.models import BasePage
from home.blocks import HomeStreamBlock


class HomePage(BasePage):
    """The front door: what the organisation does, and where to go next."""

    heading = models.CharField(
        _("heading"),
        max_length=120,
        help_text=_("The big line at the top of the home page."),
    )
    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences on who you are and what you want."),
    )
    featured_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("featured campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown large under the introduction. Leave empty to feature the "
            "newest active campaign."
        ),
    )
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        verbose_name=_("sections"),
        help_text=_(
            "Sections below the featured campaign, in the order shown: key "
            "numbers, latest resources, the sign-up form, text..."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("heading"),
        FieldPanel("intro"),
        PageChooserPanel("featured_campaign", "campaigns.CampaignPage"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("heading"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    @property
    def default_summary(self):
        return strip_tags(self.intro)

    def get_featured_campaign(self):
        """The chosen campaign if live, else the newest live active one."""
        from campaigns.models import CampaignPage

        campaigns = (
            CampaignPage.objects.live()
            .public()
            .select_related("hero_image", "listing_image")
        )
        if self.featured_campaign_id:
            # In this home page's language: a translated home page still
            # points at the campaign chosen in the original.
            chosen = pages_in_language(
                [self.featured_campaign_id], locale=self.locale_id, queryset=campaigns
            ).get(self.featured_campaign_id)
            if chosen is not None and chosen.locale_id == self.locale_id:
                return chosen
        return (
            campaigns.filter(
                locale_id=self.locale_id, status=CampaignPage.Status.ACTIVE
            )
            .order_by("-first_published_at")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: asked only when the page's HTML is not kept already
        # (core/templatetags/fragment_tags.py).
        context["featured_campaign"] = SimpleLazyObject(self.get_featured_campaign)
        return context

    def get_json_ld(self, request=None, image_url=None):
        """The home page stands for the organisation behind the site."""
        return self.get_organisation_json_ld(request, image_url=image_url)


class StandardPage(BasePage):
    """A plain content page: about us, the privacy notice, contact details."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the title and as the search-engine description."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("standard page")

    @property
    def default_summary(self):
        return self.summary
