"""Mailing lists, subscribers and the evidence of their consent.

Privacy by design: a subscriber is an email address (and a first name only if
the form asked for one); no IP address or user agent is stored anywhere. The
evidence of consent is the wording shown (by hash, with the wording kept once
in `ConsentWording`), the page the form was on, and two timestamps.
"""

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.models import BasePage, ReviewedSnippetMixin
from core.serving.content_cache import RememberedSettingMixin
from newsletter.addresses import stored_form


def new_nonce():
    return secrets.token_urlsafe(16)


class MailingList(ReviewedSnippetMixin, TranslatableMixin, models.Model):
    """A list supporters can join, such as '#EndReprisals updates'."""

    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("Shown to supporters on the form and in emails."),
    )
    description = models.TextField(
        _("what subscribers receive"),
        max_length=500,
        help_text=_(
            "A public sentence on what and how often people will receive, "
            "e.g. 'One email a month on the campaign's progress.'"
        ),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive lists accept no new sign-ups."),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("active")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_preview_block_value(self):
        from newsletter.blocks import NewsletterSignupBlock

        block = NewsletterSignupBlock()
        return block, block.normalize(
            {"heading": _("Join us!"), "mailing_list": self, "button_label": ""}
        )

    def canonical(self):
        """The list in the default language: one list, whatever page it is on."""
        if self.locale_id == self.get_default_locale().pk:
            return self
        return self.get_translation_or_none(self.get_default_locale()) or self


class ConsentWording(models.Model):
    """One wording of the consent statement, stored once, found by its hash."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    text = models.TextField(_("text"))
    first_used_at = models.DateTimeField(_("first used"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent wording")
        verbose_name_plural = _("consent wordings")

    def __str__(self):
        return self.text[:80]

    @staticmethod
    def hash_of(text):
        return hashlib.sha256(text.encode()).hexdigest()

    @classmethod
    def for_text(cls, text):
        wording, _created = cls.objects.get_or_create(
            sha256=cls.hash_of(text), defaults={"text": text}
        )
        return wording


class Subscriber(models.Model):
    """One supporter's address, unique once normalised, and their first name."""

    email = models.EmailField(_("email"), max_length=254, unique=True)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("Emails are sent in this language."),
    )
    created_at = models.DateTimeField(_("first signed up"), default=timezone.now)
    # Caps mail to one message an hour per address, whatever is posted.
    last_emailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Not indexed by Wagtail search: that would copy addresses into another
    # table. The admin searches the email column directly.
    panels = [FieldPanel("email", read_only=True), FieldPanel("first_name")]

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        permissions = [("export_subscriber", "Can export subscribers")]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = stored_form(self.email)
        super().save(*args, **kwargs)

    def lists_summary(self):
        """'List: state' for each list (prefetch subscriptions__mailing_list)."""
        return "; ".join(
            f"{sub.mailing_list.name}: {sub.get_state_display()}"
            for sub in self.subscriptions.all()
        )

    lists_summary.short_description = _("lists")

    def consent_evidence(self):
        """What proves each consent: wording, page, when given and confirmed."""
        lines = []
        for sub in self.subscriptions.all():
            wording = sub.consent_wording.text if sub.consent_wording else "-"
            lines.append(
                gettext(
                    "%(list)s (%(state)s): consent given %(given)s on %(url)s, "
                    "confirmed %(confirmed)s; wording shown: “%(wording)s”"
                )
                % {
                    "list": sub.mailing_list.name,
                    "state": sub.get_state_display(),
                    "given": sub.consented_at.strftime("%Y-%m-%d %H:%M UTC"),
                    "url": sub.source_url or "-",
                    "confirmed": sub.confirmed_at.strftime("%Y-%m-%d %H:%M UTC")
                    if sub.confirmed_at
                    else "-",
                    "wording": wording,
                }
            )
        return " | ".join(lines) or "-"

    consent_evidence.short_description = _("consent evidence")


class Subscription(models.Model):
    """One subscriber on one list: its state and the evidence of consent."""

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("subscription", "Pending")
        CONFIRMED = "confirmed", pgettext_lazy("subscription", "Confirmed")
        UNSUBSCRIBED = "unsubscribed", pgettext_lazy("subscription", "Unsubscribed")

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    mailing_list = models.ForeignKey(
        MailingList,
        verbose_name=_("mailing list"),
        on_delete=models.PROTECT,
        related_name="subscriptions",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING
    )
    # Opaque: emailed links carry this id, never the address.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Changed whenever a confirmation link is used or re-sent, so that a link
    # works once and only the latest one works.
    confirm_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)

    consent_wording = models.ForeignKey(
        ConsentWording,
        verbose_name=_("consent wording shown"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("signed up on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The page's address at the time, kept if the page is later deleted.
    source_url = models.CharField(_("signed up at"), max_length=255, blank=True)
    consent_language = models.CharField(
        _("language of the consent shown"),
        max_length=10,
        blank=True,
        help_text=_("The language the form and its consent wording were shown in."),
    )
    consented_at = models.DateTimeField(_("consent given"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["mailing_list__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "mailing_list"],
                name="newsletter_one_subscription_per_list",
            )
        ]

    def __str__(self):
        return f"{self.mailing_list} ({self.get_state_display()})"


def default_consent_text():
    return gettext(
        "I agree to receive these emails. I can unsubscribe at any time with "
        "one click from any email."
    )


@register_setting(icon="mail")
class NewsletterSettings(RememberedSettingMixin, BaseSiteSetting):
    """The default list, the consent wording and the sender of sign-up emails."""

    default_list = models.ForeignKey(
        MailingList,
        verbose_name=_("default mailing list"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Used by sign-up forms that do not name a list."),
    )
    consent_text = models.TextField(
        _("consent wording"),
        max_length=500,
        blank=True,
        help_text=_(
            "Shown above every sign-up button, followed by a link to the "
            "privacy notice. Leave empty for the standard wording, which is "
            "translated. Each wording ever used is kept as consent evidence."
        ),
    )
    from_email = models.EmailField(
        _("sender address"),
        blank=True,
        help_text=_("Sign-up emails come from this address. Defaults to the server's."),
    )
    from_name = models.CharField(
        _("sender name"),
        max_length=80,
        blank=True,
        help_text=_("Shown as the sender, e.g. the organisation's name."),
    )

    panels = [
        FieldPanel("default_list"),
        FieldPanel("consent_text"),
        FieldPanel("from_email"),
        FieldPanel("from_name"),
    ]

    class Meta:
        verbose_name = _("newsletter settings")

    def get_consent_text(self):
        return self.consent_text.strip() or default_consent_text()

    def get_from_email(self):
        address = self.from_email or settings.DEFAULT_FROM_EMAIL
        if self.from_name:
            from email.utils import formataddr

            return formataddr((self.from_name, address))
        return address

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Keep every wording editors ever set, so that a form rendered before a
        # change still proves what its signer read.
        if self.consent_text.strip():
            ConsentWording.for_text(self.consent_text.strip())


class SignupPage(BasePage):
    """A page of its own for joining a mailing list."""

    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Why join, and what people will receive."),
    )
    mailing_list = models.ForeignKey(
        MailingList,
        verbose_name=_("mailing list"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for the default list in newsletter settings."),
    )
    button_label = models.CharField(
        _("button label"),
        max_length=40,
        blank=True,
        help_text=_("Defaults to 'Sign up'."),
    )
    ask_first_name = models.BooleanField(
        _("ask for a first name"),
        default=False,
        help_text=_("Only if emails will greet people by name: ask for no more."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("mailing_list"),
        FieldPanel("button_label"),
        FieldPanel("ask_first_name"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "newsletter/signup_page.html"

    class Meta:
        verbose_name = _("sign-up page")

    @property
    def default_summary(self):
        from django.utils.html import strip_tags

        return strip_tags(self.intro)

    def get_context(self, request, *args, **kwargs):
        from newsletter.signup import signup_form_context

        context = super().get_context(request, *args, **kwargs)
        context["signup"] = signup_form_context(
            request,
            page=self,
            mailing_list=self.mailing_list,
            button_label=self.button_label,
            ask_first_name=self.ask_first_name,
        )
        return context


# In a module of its own, registered with the app from here.
from newsletter.erasure import ErasedAddress  # noqa: E402, F401
