"""What a campaign's hero offers as its primary action (CampaignPage.hero_action)."""

from django.utils.translation import gettext_lazy as _

APPEALS = ("signup", "call_to_action")


def first_block(page, *types):
    return next((block for block in page.body if block.block_type in types), None)


def signup_anchor(block):
    """The id of a sign-up block's section, as its template writes it."""
    return f"signup-{block.id}"


def hero_action(page, request):
    """The sign-up form, a button to the page's first appeal, or None.

    The form in the hero joins the list of the page's first sign-up block
    (the default list if it has none), so both forms mean the same thing.
    """
    choice = page.hero_action
    if choice == page.HeroAction.NONE:
        return None
    if choice == page.HeroAction.SIGNUP:
        from newsletter.signup import signup_form_context

        block = first_block(page, "signup")
        value = block.value if block else {}
        signup = signup_form_context(
            request,
            page=page,
            mailing_list=value.get("mailing_list"),
            button_label=value.get("button_label"),
        )
        if signup:
            return {"signup": signup, "heading": value.get("heading") or _("Join us")}
    appeal = first_block(page, *APPEALS)
    if appeal is None:
        return None
    if appeal.block_type == "signup":
        return {
            "label": appeal.value.get("button_label") or appeal.value["heading"],
            "href": f"#{signup_anchor(appeal)}",
        }
    return {"label": appeal.value["button_label"], "href": appeal.value.href()}


def repeated_action(page):
    """The aside's button: to the page's last sign-up or appeal, if any."""
    blocks = [block for block in page.body if block.block_type in APPEALS]
    if not blocks:
        return None
    last = blocks[-1]
    if last.block_type == "signup":
        return {
            "heading": last.value["heading"],
            "label": last.value.get("button_label") or _("Sign up"),
            "href": f"#{signup_anchor(last)}",
        }
    return {
        "heading": last.value["heading"],
        "label": last.value["button_label"],
        "href": last.value.href(),
    }
