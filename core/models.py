"""What every page type shares: listing and social fields, and site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


class ListingFieldsMixin(models.Model):
    """How a page looks on cards and in search engines when listed elsewhere."""

    listing_title = models.CharField(
        _("listing title"),
        max_length=120,
        blank=True,
        help_text=_("Shorter title for cards and listings. Defaults to the title."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences for cards and the search-engine description. "
            "Defaults to the page's own summary or strapline."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image for cards. Defaults to the page's main image."),
    )

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading=_("Listings"),
        )
    ]

    class Meta:
        abstract = True

    def get_listing_title(self):
        return self.listing_title or self.title

    def get_listing_summary(self):
        """Listing summary, else the page type's own summary text."""
        return self.listing_summary or getattr(self, "default_summary", "")

    def get_listing_image(self):
        return self.listing_image or getattr(self, "default_image", None)


class SocialFieldsMixin(models.Model):
    """What a page shows when shared on social networks."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared (1200 x 630 works best). "
            "Defaults to the listing image."
        ),
    )
    social_text = models.CharField(
        _("social text"),
        max_length=200,
        blank=True,
        help_text=_("Text shown when shared. Defaults to the listing summary."),
    )

    social_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Sharing"),
        )
    ]

    class Meta:
        abstract = True


class BasePage(ListingFieldsMixin, SocialFieldsMixin, Page):
    """A page with listing and sharing fields; every site page type extends it."""

    promote_panels = (
        Page.promote_panels
        + ListingFieldsMixin.listing_panels
        + SocialFieldsMixin.social_panels
    )

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.get_listing_summary()

    def get_social_image(self):
        return self.social_image or self.get_listing_image()

    def get_social_text(self):
        return self.social_text or self.get_meta_description()


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The organisation's name and the furniture shown on every page."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=120,
        default="Campaigns",
        help_text=_("Shown in the header, the footer and browser tabs."),
    )
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("A sentence or two about the organisation, shown in the footer."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Public address for enquiries, shown in the footer."),
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer and from every sign-up form."),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
        FieldPanel("privacy_notice"),
    ]

    class Meta:
        verbose_name = _("site settings")
