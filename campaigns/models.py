"""Campaign pages, the campaign listing, and the key figures they quote."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from campaigns import hero
from campaigns.blocks import CampaignStreamBlock
from core.models import BasePage, ReviewedSnippetMixin

# A figure older than this is flagged to editors: it may no longer be true.
STALE_AFTER_YEARS = 3


def stale_before(today=None):
    """The "as of" date before which a key figure counts as out of date."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - STALE_AFTER_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - STALE_AFTER_YEARS, day=28)


class KeyFigure(ReviewedSnippetMixin, TranslatableMixin, index.Indexed, models.Model):
    """A number a campaign quotes ("709 cases ..."), with its source and date."""

    figure = models.CharField(
        _("figure"),
        max_length=20,
        help_text=_('As it should be read, e.g. "709", "31%" or "1 in 3".'),
    )
    label = models.CharField(
        _("what it counts"),
        max_length=250,
        help_text=_(
            'Completes the figure as a sentence: "cases of reprisals reported '
            'to the UN between 2010 and 2020".'
        ),
    )
    period = models.CharField(
        _("period"),
        max_length=60,
        blank=True,
        help_text=_('The span the figure covers, if any, e.g. "2010-2020".'),
    )
    as_of = models.DateField(
        _("true as of"),
        help_text=_(
            "The date the figure was last known to be true (for a report, its "
            "publication date). Figures older than three years are flagged."
        ),
    )
    source_title = models.CharField(
        _("source title"),
        max_length=250,
        blank=True,
        help_text=_("The report or dataset the figure comes from. Required."),
    )
    source_url = models.URLField(
        _("source link"),
        blank=True,
        help_text=_("Where readers can check the figure. Or choose a document."),
    )
    source_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("source document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The source as an uploaded document, instead of a link."),
    )

    panels = [
        FieldPanel("figure"),
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("period"), FieldPanel("as_of")], heading=_("When")),
        MultiFieldPanel(
            [
                FieldPanel("source_title"),
                FieldPanel("source_url"),
                FieldPanel("source_document"),
            ],
            heading=_("Source"),
        ),
    ]

    # Editors look figures up by words in the admin listing and the chooser.
    search_fields = [
        index.SearchField("label"),
        index.SearchField("source_title"),
        index.AutocompleteField("figure"),
        index.AutocompleteField("label"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["figure", "label"]
        constraints = [
            # The same rule as `clean`, so no code path stores an unsourced figure.
            models.CheckConstraint(
                name="campaigns_keyfigure_has_source",
                condition=~Q(source_title="")
                & (~Q(source_url="") | Q(source_document__isnull=False)),
                violation_error_message=_("Every key figure needs a source."),
            ),
        ]

    def __str__(self):
        return Truncator(f"{self.figure} {self.label}").chars(80)

    def get_preview_block_value(self):
        from campaigns.blocks import KeyNumbersBlock

        block = KeyNumbersBlock()
        return block, block.normalize({"heading": _("Key numbers"), "figures": [self]})

    def clean(self):
        super().clean()
        errors = {}
        if not self.source_title.strip():
            errors["source_title"] = _(
                "A key figure needs a source: give the title of the report or "
                "dataset it comes from."
            )
        if not self.source_url and not self.source_document_id:
            errors["source_url"] = _(
                "Add a link to the source, or choose the source document below."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def source_href(self):
        if self.source_url:
            return self.source_url
        return self.source_document.url if self.source_document_id else ""

    @property
    def is_stale(self):
        return self.as_of < stale_before()


class CampaignIndexPage(BasePage):
    """The list of campaigns: running ones first, then those with an outcome."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("A sentence or two above the list of campaigns."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count_per_parent = 1
    template = "campaigns/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaign index page")

    @property
    def default_summary(self):
        return self.intro

    def get_campaigns(self):
        """Live campaigns in this section, in the order the listing shows them."""
        # Images come in the same query; their renditions from the rendition
        # cache, so the listing costs one query however many campaigns.
        return (
            CampaignPage.objects.child_of(self)
            .live()
            .public()
            .annotate(
                rank=Case(
                    When(status=CampaignPage.Status.ACTIVE, then=Value(0)),
                    When(outcome_date__isnull=False, then=Value(1)),
                    default=Value(2),
                    output_field=IntegerField(),
                )
            )
            .order_by(
                "rank",
                models.F("outcome_date").desc(nulls_last=True),
                "-first_published_at",
                "pk",
            )
            .select_related("hero_image", "listing_image")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = self.get_campaigns()
        return context


class CampaignPage(BasePage):
    """One campaign: what we want, why, what has happened, how to help."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        WON = "won", _("Won")
        CLOSED = "closed", _("Closed")

    hashtag = models.CharField(
        _("hashtag"),
        max_length=60,
        validators=[
            RegexValidator(
                # \w: letters of any alphabet, digits and the underscore, as
                # social networks accept them (#Représailles is a hashtag).
                r"^#\w+\Z",
                _(
                    "Start with # followed by letters, digits or underscores "
                    "only, with no spaces: #EndReprisals."
                ),
            )
        ],
        help_text=_("The campaign's hashtag, e.g. #EndReprisals."),
    )
    strapline = models.CharField(
        _("strapline"),
        max_length=200,
        help_text=_("One sentence under the title saying what the campaign wants."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional picture behind the title, treated as decoration: put "
            "anything readers need to know in the text. Set its focal point: "
            "phones and desktops crop around it. Without one, the page gets a "
            "typographic hero in the brand colours."
        ),
    )

    class HeroAction(models.TextChoices):
        SIGNUP = "signup", _("The sign-up form")
        BUTTON = "button", _("A button to the page's first sign-up or call to action")
        NONE = "none", _("No action")

    hero_action = models.CharField(
        _("action in the hero"),
        max_length=10,
        choices=HeroAction.choices,
        default=HeroAction.SIGNUP,
        help_text=_(
            "What readers can do in the first screen. The sign-up form joins "
            "the list of the page's first sign-up block (or the default list)."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text=_("Active campaigns are listed first."),
    )
    outcome_date = models.DateField(
        _("outcome date"),
        null=True,
        blank=True,
        help_text=_("When the campaign achieved (or ended with) its outcome."),
    )
    outcome_text = models.TextField(
        _("outcome announcement"),
        blank=True,
        max_length=400,
        help_text=_(
            "Shown prominently at the top of the page, e.g. 'The Human Rights "
            "Council adopted the resolution.' Leave empty while running."
        ),
    )
    outcome_link = models.URLField(
        _("outcome source link"),
        blank=True,
        help_text=_("Optional: where readers can see the outcome for themselves."),
    )
    body = StreamField(
        CampaignStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The campaign's sections, in the order shown."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("hashtag"),
        FieldPanel("strapline"),
        FieldPanel("hero_image"),
        FieldPanel("hero_action"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("outcome_date"),
                FieldPanel("outcome_text"),
                FieldPanel("outcome_link"),
            ],
            heading=_("Outcome"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hashtag"),
        index.SearchField("strapline"),
        index.SearchField("outcome_text"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    template = "campaigns/campaign_page.html"

    class Meta:
        verbose_name = _("campaign page")

    @property
    def default_summary(self):
        return self.strapline

    @property
    def default_image(self):
        return self.hero_image

    @property
    def has_outcome(self):
        return bool(self.outcome_date and self.outcome_text)

    @property
    def outcome_heading(self):
        return _("We did it!") if self.status == self.Status.WON else _("Outcome")

    @property
    def status_badge_class(self):
        return {"active": "badge--active", "won": "badge--won"}.get(self.status, "")

    def clean(self):
        super().clean()
        if self.outcome_text and not self.outcome_date:
            raise ValidationError(
                {"outcome_date": _("Give the date of the outcome you announce.")}
            )
        if self.outcome_date and not self.outcome_text.strip():
            raise ValidationError(
                {"outcome_text": _("Say in a sentence what happened on that date.")}
            )
        if self.outcome_date and self.outcome_date > timezone.localdate():
            raise ValidationError(
                {"outcome_date": _("An outcome cannot be in the future.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only pages with a video load its (small) script.
        context["has_video"] = any(
            block["type"] == "video" for block in self.body.raw_data
        )
        # Lazy: asked only when the page's HTML is not kept already
        # (core/templatetags/fragment_tags.py); both decode the whole body.
        context["hero_action"] = SimpleLazyObject(
            lambda: hero.hero_action(self, request) or {}
        )
        context["repeated_action"] = SimpleLazyObject(
            lambda: hero.repeated_action(self) or {}
        )
        return context


# Newsletter issues and their archive are page types of this app (their own
# module); imported here so that Django registers them.
from campaigns.issues import NewsletterArchivePage, NewsletterIssuePage  # noqa: E402, F401
