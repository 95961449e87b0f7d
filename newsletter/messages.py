"""The short pages a sign-up and its emailed links end on.

One template, newsletter/message.html, draws every one of them; each entry
here holds only what differs: the heading (also the page title), the
paragraphs, and a button when the page asks for a POST to its own address.
"""

from dataclasses import dataclass

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Message:
    heading: str
    # The first paragraph, set as the lead; "%(name)s" is the list's name.
    lead: str = ""
    # The lead when no list is known (e.g. an unsubscribe link for a list
    # that was since deleted).
    lead_without_list: str = ""
    paragraphs: tuple = ()
    # A button that POSTs back to the page's own address.
    button: str = ""
    # Show the list's "what subscribers receive" sentence under the lead.
    describe_list: bool = False
    # Lead a form-errors summary (the form is in the context as `signup`).
    error_summary: bool = False


MESSAGES = {
    "check_inbox": Message(
        heading=_("Check your inbox"),
        lead=_(
            "If the address you gave can receive our emails, a message is on "
            "its way to it."
        ),
        paragraphs=(
            _(
                "Open it and press the link inside to confirm. Until you do, "
                "you are not on the list and we will not write again."
            ),
            _(
                "Nothing there after a few minutes? Look in your spam or "
                "promotions folder. The link works for 7 days."
            ),
        ),
    ),
    "confirm": Message(
        heading=_("Confirm your subscription"),
        lead=_("Press the button to join “%(name)s”."),
        describe_list=True,
        button=_("Confirm"),
    ),
    "confirmed": Message(
        heading=_("You are subscribed"),
        lead=_("Thank you. You are now on “%(name)s”."),
        paragraphs=(
            _("Every email we send has a link to leave the list with one click."),
        ),
    ),
    "unsubscribe": Message(
        heading=_("Unsubscribe"),
        lead=_("Press the button to stop receiving “%(name)s”."),
        lead_without_list=_("Press the button to stop receiving our emails."),
        button=_("Unsubscribe"),
    ),
    "unsubscribed": Message(
        heading=_("You are unsubscribed"),
        lead=_("You will not receive any more emails from this list."),
        paragraphs=(_("Changed your mind? You can sign up again at any time."),),
    ),
    "link_invalid": Message(
        heading=_("This link has expired or was already used"),
        paragraphs=(
            _("Links to confirm a subscription work once and for 7 days."),
            _(
                "If you already confirmed, there is nothing more to do. "
                "Otherwise, please sign up again to get a new link."
            ),
        ),
    ),
    "link_damaged": Message(
        heading=_("This link is incomplete"),
        paragraphs=(
            _(
                "Please copy the whole link from the email, or use the "
                "Unsubscribe button your mail program shows for our emails."
            ),
        ),
    ),
    "bad_request": Message(
        heading=_("This form is out of date"),
        paragraphs=(_("Please go back, reload the page and send the form again."),),
    ),
    "list_closed": Message(
        heading=_("This list is closed"),
        paragraphs=(_("This mailing list no longer accepts new subscribers."),),
    ),
    "cross_site": Message(
        heading=_("This form was sent from another website"),
        paragraphs=(
            _(
                "For your safety we only accept sign-ups sent from our own "
                "pages. Please go to our site and use the form there."
            ),
        ),
    ),
    "too_many": Message(
        heading=_("Too many attempts"),
        paragraphs=(
            _(
                "We received many requests from your connection in a short "
                "time. Please wait a few minutes and try again."
            ),
        ),
    ),
    "form_errors": Message(heading=_("Please check the form"), error_summary=True),
    "press_again": Message(
        heading=_("Press the button again"),
        lead=_(
            "Your sign-up is not stored yet. Please check your address and "
            "press the button once more."
        ),
    ),
}


def render_message(request, name, *, status=200, mailing_list=None, **context):
    """Render one of MESSAGES; `mailing_list` fills the list's name in."""
    message = MESSAGES[name]
    if mailing_list is not None:
        lead = message.lead % {"name": mailing_list.name} if message.lead else ""
    else:
        lead = message.lead_without_list or (
            message.lead if "%(name)s" not in str(message.lead) else ""
        )
    context.update(
        message=message, lead=lead, mailing_list=mailing_list, action=request.path
    )
    return render(request, "newsletter/message.html", context, status=status)
