"""This page in the reader's language: one rule for every chosen page.

Editors choose a page once, usually in the original language; readers of a
translation should land on the translation. Every place that shows a chosen
page (links in blocks and timelines, the footer, the main menu, the featured
campaign, the sign-up form's privacy notice) asks here, so all follow the
same rule:

- the chosen page's translation in the wanted locale (the active language
  unless the caller names a locale), if that translation is **live**: drafts
  and unpublished translations are never offered, as with Wagtail's
  `Page.localized`;
- otherwise the chosen page itself, live or not: the caller decides what a
  page that is not live means (`.live` tells it; the footer drops the link).

Privacy is not checked here: a link an editor made to a private page shows
that page's login or password form, as Wagtail's `.localized` does. A caller
that lists pages for everyone narrows `queryset` (with `.live().public()`),
which then applies to the chosen pages and their translations alike.
"""

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, Subquery
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def active_content_language():
    """The content language code of the active language, as Locale.get_active()
    finds it: a variant such as "fr-ca" gives "fr"; none active, the default."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def pages_in_language(page_ids, *, locale=None, queryset=None):
    """{chosen page id: the page to show for it}, in one query however many.

    `locale` (a Locale or its id) is the language wanted, by default the
    active one, matched on its language code so that no Locale query is made.
    `queryset` (default: every page) picks the model, the related rows and any
    narrowing: a chosen page it leaves out, with no translation it keeps, is
    missing from the answer.
    """
    page_ids = {int(page_id) for page_id in page_ids if page_id}
    if not page_ids:
        return {}
    if queryset is None:
        queryset = Page.objects.all()
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return queryset.in_bulk(page_ids)
    if locale is None:
        in_locale = Q(locale__language_code=active_content_language())
    else:
        in_locale = Q(locale=locale)
    is_translation = in_locale & Q(live=True)
    chosen_pages = Page.objects.filter(pk__in=page_ids)
    rows = queryset.filter(
        Q(pk__in=page_ids)
        | is_translation & Q(translation_key__in=chosen_pages.values("translation_key"))
    ).annotate(
        is_wanted_translation=ExpressionWrapper(
            is_translation, output_field=BooleanField()
        ),
        # Which chosen page a translation stands for, even when `queryset`
        # leaves the chosen page itself out (say, unpublished).
        chosen_page_id=Subquery(
            chosen_pages.filter(translation_key=OuterRef("translation_key")).values(
                "pk"
            )[:1]
        ),
    )
    chosen, translations, key_of = {}, {}, {}
    for page in rows:
        if page.pk in page_ids:
            chosen[page.pk] = page
            key_of[page.pk] = page.translation_key
        if page.is_wanted_translation:
            translations[page.translation_key] = page
            key_of.setdefault(page.chosen_page_id, page.translation_key)
    return {
        page_id: translations.get(key) or chosen[page_id]
        for page_id, key in key_of.items()
        if key in translations or page_id in chosen
    }


def localize_pages(pages):
    """{page id: the page to show}, for pages already loaded (say, by a chooser
    block): those already in the active language cost no query, the others
    one query together."""
    pages = [page for page in pages if page is not None]
    if not pages or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return {page.pk: page for page in pages}
    locale = Locale.get_active()
    elsewhere = [page.pk for page in pages if page.locale_id != locale.pk]
    found = pages_in_language(elsewhere, locale=locale) if elsewhere else {}
    return {page.pk: found.get(page.pk, page) for page in pages}


def localize_page(page):
    """One page in the reader's language (see the module's rule)."""
    if page is None:
        return None
    return localize_pages([page])[page.pk]
