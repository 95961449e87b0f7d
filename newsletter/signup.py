"""What a sign-up form's template needs: the form, its token, the wording.

Used by the sign-up block, the sign-up page and the form-errors page.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsletter.forms import SignupForm, make_form_token


def signup_form_context(
    request,
    *,
    page=None,
    mailing_list=None,
    button_label="",
    ask_first_name=False,
    form=None,
    token=None,
):
    """What the sign-up form template needs: the form, its token and wording.

    Returns None when there is no active list to join, so templates show
    nothing rather than a form that cannot work.
    """
    from newsletter.models import ConsentWording

    shared = _per_request(request, mailing_list)
    if shared is None:
        return None
    if token is None:
        token = make_form_token(
            page.pk if page is not None and page.pk else None,
            shared["list_id"],
            ConsentWording.hash_of(shared["consent_text"]),
            bool(ask_first_name),
        )
    if form is None:
        form = SignupForm(initial={"token": token}, ask_first_name=ask_first_name)
    return {
        "form": form,
        "action": reverse("newsletter:subscribe"),
        "mailing_list": shared["mailing_list"],
        "consent_text": shared["consent_text"],
        "privacy_notice": shared["privacy_notice"],
        "button_label": button_label or _("Sign up"),
    }


def _per_request(request, mailing_list):
    """Settings, wording, privacy link and list, looked up once per request.

    Memoised on the request, so a page with several sign-up blocks makes
    the same number of queries as a page with one.
    """
    from wagtail.models import Site

    from core.models import SiteSettings
    from core.templatetags.navigation_tags import chrome
    from newsletter.models import NewsletterSettings

    memo = request.__dict__.setdefault("_newsletter_signup", {}) if request else {}
    if "settings" not in memo:
        site = Site.find_for_request(request) if request is not None else None
        newsletter_settings = (
            NewsletterSettings.for_request(request) if site else NewsletterSettings()
        )
        site_settings = SiteSettings.for_request(request) if site else None
        notice_id = site_settings.privacy_notice_id if site_settings else None
        memo["settings"] = newsletter_settings
        memo["consent_text"] = newsletter_settings.get_consent_text()
        # The privacy notice in the reader's language (core.i18n's one rule).
        memo["privacy_notice"] = (
            chrome(request)["pages"].get(notice_id) if notice_id else None
        )
    if mailing_list is None:
        mailing_list = memo["settings"].default_list
    # A list a moderator has not published (or has unpublished) takes no one.
    if mailing_list is None or not mailing_list.active or not mailing_list.live:
        return None
    if mailing_list.pk not in memo:
        memo[mailing_list.pk] = (mailing_list.canonical().pk, mailing_list.localized)
    list_id, localized = memo[mailing_list.pk]
    return {
        "list_id": list_id,
        "mailing_list": localized,
        "consent_text": memo["consent_text"],
        "privacy_notice": memo["privacy_notice"],
    }
