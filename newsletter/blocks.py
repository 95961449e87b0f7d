"""The sign-up block that campaign and home pages put in their body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class NewsletterSignupBlock(blocks.StructBlock):
    """A heading, a sentence and the form to join a mailing list."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        help_text=_("For example 'Join us!'."),
    )
    text = blocks.TextBlock(
        label=_("Text"),
        required=False,
        max_length=400,
        help_text=_("Why join. The list's own description is shown as well."),
    )
    mailing_list = SnippetChooserBlock(
        "newsletter.MailingList",
        label=_("Mailing list"),
        required=False,
        help_text=_("Leave empty for the default list in newsletter settings."),
    )
    button_label = blocks.CharBlock(
        label=_("Button label"),
        max_length=40,
        required=False,
        help_text=_("Defaults to 'Sign up'."),
    )
    ask_first_name = blocks.BooleanBlock(
        label=_("Ask for a first name"),
        required=False,
        help_text=_("Only if emails will greet people by name: ask for no more."),
    )

    def get_context(self, value, parent_context=None):
        from newsletter.signup import signup_form_context

        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        page = parent_context.get("page")
        context["signup"] = signup_form_context(
            parent_context.get("request"),
            page=page if getattr(page, "pk", None) else None,
            mailing_list=value.get("mailing_list"),
            button_label=value.get("button_label"),
            ask_first_name=value.get("ask_first_name"),
        )
        return context

    def get_preview_value(self):
        return {
            "heading": "Join us!",
            "text": (
                "Join our email list to receive the latest updates on the "
                "campaign and ways to act."
            ),
            "mailing_list": None,
            "button_label": "Sign up",
            "ask_first_name": True,
        }

    class Meta:
        icon = "mail"
        label = _("Newsletter sign-up")
        label_format = "{heading}"
        template = "newsletter/blocks/signup.html"
        description = _("A form to join a mailing list, with double opt-in.")
