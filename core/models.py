"""What every page type shares: listing and social fields, and site settings."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    Page,
    Site,
)

from core.blocks import FooterLinkBlock, SocialProfileBlock
from core.patches import RouteByUrlPathMixin
from core.reviewed import ReviewedSnippetMixin  # noqa: F401 - pages' apps import it here
from core.serving.content_cache import RememberedSettingMixin
from core.serving.onion import onion_root_url


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


# The logo as search engines want it: a raster image at least 112 px wide.
LOGO_FILTER = "height-112|format-png"


def organisation_logo_url(site_settings, request=None):
    """The absolute URL of the organisation's logo (site settings), or ""."""
    if not site_settings.logo_id:
        return ""
    url = site_settings.logo.get_rendition(LOGO_FILTER).url
    return request.build_absolute_uri(url) if request is not None else url


class BasePage(RouteByUrlPathMixin, ListingFieldsMixin, SocialFieldsMixin, Page):
    """A page with listing and sharing fields; every site page type extends it.

    Deep pages are found by their URL path (core.patches.RouteByUrlPathMixin).
    """

    promote_panels = (
        Page.promote_panels
        + ListingFieldsMixin.listing_panels
        + SocialFieldsMixin.social_panels
    )
    # Open Graph type for sharing; a page type that is a dated piece of
    # writing (a resource, a news item) sets "article".
    og_type = "website"

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        # On the onion service, absolute links (canonical, sharing, feeds)
        # stay on the onion host: a reader there must not be sent out of Tor.
        parts = super().get_url_parts(request=request)
        onion = onion_root_url(request)
        if parts is None or onion is None or parts[1] is None:
            return parts
        return (parts[0], onion, parts[2])

    def get_meta_description(self):
        return self.search_description or self.get_listing_summary()

    def get_social_image(self):
        return self.social_image or self.get_listing_image()

    def get_social_text(self):
        return self.social_text or self.get_meta_description()

    def get_json_ld(self, request=None, image_url=None):
        """This page as schema.org data, for search engines (a WebPage by default).

        Page types extend it: call super() and change "@type" or add keys, e.g.
        a resource returns a "Report" with its publication date and PDF. The
        language is the active one, as in `<html lang>`: pages are served in
        their own language, and it costs no query.
        """
        data = {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": self.seo_title or self.title,
            "url": self.get_full_url(request),
            "inLanguage": get_language(),
        }
        description = self.get_meta_description()
        if description:
            data["description"] = description
        if image_url:
            data["image"] = image_url
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        site_settings = self._site_settings(request)
        if site_settings is not None:
            data["publisher"] = self.organisation_reference(request, site_settings)
        return data

    def organisation_reference(self, request, site_settings):
        """The organisation as a schema.org Organization: name, site and logo
        (publisher of every page, author of every resource)."""
        organisation = {
            "@type": "Organization",
            "name": site_settings.organisation_name,
        }
        site = Site.find_for_request(request) if request else self.get_site()
        if site is not None:
            organisation["url"] = site.root_url + "/"
        logo = organisation_logo_url(site_settings, request)
        if logo:
            organisation["logo"] = logo
        return organisation

    def get_organisation_json_ld(self, request=None, image_url=None):
        """The organisation behind the site, as schema.org data (for the home page)."""
        site_settings = self._site_settings(request)
        url = self.get_full_url(request)
        organisation = {"@type": "Organization", "url": url}
        if site_settings is not None:
            organisation["name"] = site_settings.organisation_name
            logo = organisation_logo_url(site_settings, request)
            if logo:
                organisation["logo"] = logo
            if site_settings.contact_email:
                organisation["email"] = site_settings.contact_email
            profiles = [
                profile.value["url"] for profile in site_settings.social_profiles
            ]
            if profiles:
                organisation["sameAs"] = profiles
        description = self.get_meta_description()
        if description:
            organisation["description"] = description
        if image_url:
            organisation["image"] = image_url
        website = {
            "@type": "WebSite",
            "name": organisation.get("name", self.title),
            "url": url,
            "inLanguage": get_language(),
        }
        return {"@context": "https://schema.org", "@graph": [organisation, website]}

    def _site_settings(self, request):
        if request is not None:
            return SiteSettings.for_request(request)
        site = self.get_site()
        return SiteSettings.for_site(site) if site else None


def validate_onion_address(value):
    """Accept only the http(s) address of a Tor onion service."""
    URLValidator(schemes=["http", "https"])(value)
    parts = urlsplit(value)
    if not (parts.hostname or "").endswith(".onion"):
        raise ValidationError(_("Enter the address of an onion service (….onion)."))
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValidationError(
            _("Enter only the scheme and host, e.g. http://example….onion")
        )


@register_setting(icon="site")
class SiteSettings(RememberedSettingMixin, BaseSiteSetting):
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
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in the header beside the organisation's name. A wide PNG or "
            "WebP with a transparent background works best."
        ),
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without an image of its own is shared on social "
            "networks or in messaging apps (1200 x 630 works best)."
        ),
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())],
        blank=True,
        verbose_name=_("footer menu"),
        help_text=_("Links shown in the footer, in this order."),
    )
    social_profiles = StreamField(
        [("profile", SocialProfileBlock())],
        blank=True,
        verbose_name=_("social profiles"),
        help_text=_(
            "Shown in the footer as plain links: no widgets, no tracking, "
            "nothing loaded from the networks."
        ),
    )
    onion_location = models.CharField(
        _("onion address"),
        max_length=120,
        blank=True,
        validators=[validate_onion_address],
        help_text=_(
            "If the site is also served as a Tor onion service, its address "
            "(e.g. http://abc….onion). Tor Browser then offers readers the onion "
            "version of each page. Leave empty otherwise."
        ),
    )

    # Fetched with the settings row, so the header and footer cost no extra queries.
    select_related = ["privacy_notice", "logo", "default_social_image"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("logo"),
                FieldPanel("footer_text"),
                FieldPanel("contact_email"),
                FieldPanel("privacy_notice"),
            ],
            heading=_("Organisation"),
        ),
        FieldPanel("footer_links"),
        FieldPanel("social_profiles"),
        MultiFieldPanel(
            [FieldPanel("default_social_image"), FieldPanel("onion_location")],
            heading=_("Sharing and access"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def clean(self):
        super().clean()
        validate_logo(self.logo)


# Models in modules of their own, registered with the app from here: the
# brand (colours, logo rules), document processing, the reviewed-snippet mixin.
from core.brand import BrandSettings, validate_logo  # noqa: E402, F401
from core.document_processing import DocumentProcessing  # noqa: E402, F401
