"""Newsletter issues: written as pages, sent by email, kept in a public archive.

The page types live here, not in `newsletter`, because an issue is built from
campaign and resource blocks (key numbers, resource listing), and the
newsletter app may not import those layers. The newsletter's sending code
(newsletter/sending/) knows an issue only by `newsletter_email_content()`.
Each issue is a web page too, so people who cannot receive email can read
it; it holds no personal data.
"""

from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from campaigns.blocks import KeyNumbersBlock
from core.blocks import BaseStreamBlock
from core.models import BasePage
from newsletter.sending.messages import preview_message
from resources.blocks import ResourceListingBlock


class NewsletterIssueStreamBlock(BaseStreamBlock):
    """What an issue is made of: the page blocks that read well in an email."""

    key_numbers = KeyNumbersBlock()
    resource_listing = ResourceListingBlock()


class NewsletterArchivePage(BasePage):
    """The public archive of every newsletter issue sent, newest first."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("A sentence above the list of issues, e.g. how to join."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.NewsletterIssuePage"]
    max_count_per_parent = 1
    template = "campaigns/newsletter_archive_page.html"

    class Meta:
        verbose_name = _("newsletter archive")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = (
            NewsletterIssuePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-first_published_at", "-pk")
        )
        return context


class NewsletterIssuePage(BasePage):
    """One newsletter issue: its email subject, preheader and body."""

    subject = models.CharField(
        _("email subject"),
        max_length=120,
        blank=True,
        help_text=_("The subject line readers see. Defaults to the title."),
    )
    preheader = models.CharField(
        _("preheader"),
        max_length=150,
        blank=True,
        help_text=_(
            "The short line mail programs show after the subject, before the "
            "message is opened. One sentence."
        ),
    )
    body = StreamField(
        NewsletterIssueStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The issue's sections, in the order readers see them."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("subject"),
        index.SearchField("body"),
    ]

    parent_page_types = ["campaigns.NewsletterArchivePage"]
    subpage_types = []
    template = "campaigns/newsletter_issue_page.html"
    preview_modes = [
        ("", _("Web page")),
        ("email_html", _("Email (HTML)")),
        ("email_text", _("Email (text)")),
    ]

    class Meta:
        verbose_name = _("newsletter issue")

    def newsletter_email_content(self, origin):
        """The parts the newsletter's sending code wraps into each message."""
        body_html = render_to_string(
            "campaigns/newsletter_issue_body.html", {"page": self}
        )
        return {
            "subject": self.subject or self.title,
            "preheader": self.preheader,
            "body_html": body_html,
            "web_url": origin.rstrip("/") + (self.get_url() or "/"),
        }

    def serve_preview(self, request, mode_name):
        if mode_name not in ("email_html", "email_text"):
            return super().serve_preview(request, mode_name)
        origin = request.build_absolute_uri("/")
        message = preview_message(self, origin)
        if mode_name == "email_text":
            headers = "".join(
                f"{name}: {value}\n"
                for name, value in message.message().items()
                if name.lower().startswith(("subject", "list-", "message-id"))
            )
            return HttpResponse(
                headers + "\n" + message.body, content_type="text/plain; charset=utf-8"
            )
        return HttpResponse(message.alternatives[0][0])
