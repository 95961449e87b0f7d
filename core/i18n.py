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

A page is served in a language only when it is written in it
(`written_language`): `/es/...` resolving to an English page, or to a Spanish
alias of one (Wagtail makes aliases for the parents of a translation), is
served as English, labelled English, with a note in Spanish saying so
(`serve_in_written_language`, a `before_serve_page` hook).

Privacy is not checked here: a link an editor made to a private page shows
that page's login or password form, as Wagtail's `.localized` does. A caller
that lists pages for everyone narrows `queryset` (with `.live().public()`),
which then applies to the chosen pages and their translations alike.
"""

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.utils import translation
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


def untranslated_alias_q():
    """Pages that are aliases of a page in another language: their text is the
    original's, so they are no translation (left out of the language switcher,
    the hreflang alternates and the sitemap)."""
    return Q(alias_of__isnull=False) & ~Q(alias_of__locale_id=F("locale_id"))


def offered_translations(pages):
    """Of `pages`, those offered to readers as translations: live, public and
    no untranslated alias, in language-code order.

    One rule for the language switcher and hreflang alternates in the page
    heads (navigation_tags.live_translations) and for the sitemap's
    (core.sitemaps), so that both offer the same pages.
    """
    return (
        pages.live()
        .public()
        .exclude(untranslated_alias_q())
        .select_related("locale")
        .order_by("locale__language_code")
    )


def written_language(page, asked_locale=None):
    """The language code a page's text is written in: its locale's, or for an
    alias of a page in another language, the original's.

    No query when the page is in `asked_locale` and no alias; one otherwise.
    """
    if page.alias_of_id:
        original = (
            Page.objects.filter(pk=page.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )
        if original:
            return original
    if asked_locale is not None and page.locale_id == asked_locale.pk:
        return asked_locale.language_code
    return page.locale.language_code


def serve_in_written_language(page, request):
    """Activate the language `page` is written in, if it is not the one asked
    for; remember the one asked for (`request.language_asked_for`) so that
    base.html shows the note, in that language, with the translations."""
    asked = Locale.get_active()  # once per request (core.patches)
    written = written_language(page, asked)
    if written == asked.language_code:
        return
    request.language_asked_for = asked.language_code
    translation.activate(written)
    # Content-Language (LocaleMiddleware) and every label follow.
    request.LANGUAGE_CODE = written


def default_translation(translations):
    """Of a page's translations, the one for readers whose language none
    matches (hreflang x-default): the default language's, else the first."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    for page in translations:
        if page.locale.language_code == default:
            return page
    return translations[0] if translations else None


# Open Graph wants a territory (ll_TT); the organisation writes British English
# and Arabic for the whole Arab world (Facebook's "ar_AR").
OPEN_GRAPH_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "es": "es_ES",
    "ar": "ar_AR",
    "zh-hans": "zh_CN",
}


def open_graph_locale(language_code):
    """`language_code` in Open Graph's ll_TT form ("fr" gives "fr_FR")."""
    language, _, territory = language_code.partition("-")
    return OPEN_GRAPH_LOCALES.get(
        language_code, f"{language}_{territory.upper() or language.upper()}"
    )


def all_locales():
    """Every Locale, by language code: one query until the structure changes (a
    locale saved or deleted moves the structure generation on), then none."""
    from core.serving.content_cache import remember_until_structure_changes
    from core.serving.request_memo import remember

    return remember(
        "locales",
        lambda: remember_until_structure_changes(
            ("locales",), lambda: list(Locale.objects.order_by("language_code"))
        ),
    )


def _language_codes_of_locales():
    """{locale id: language code}."""
    return {locale.pk: locale.language_code for locale in all_locales()}


def language_of_part(page):
    """The language `page`'s text is written in, when it is not the language
    of the document showing it (a French page listing an English paper), so
    that the part can say so (WCAG 3.1.2) and a screen reader reads it in
    the right voice; None when they are the same.

    No query for a page in the active language; at most one per request for
    the others, and one per alias of a page in another language.
    """
    active = Locale.get_active()  # once per request (core.patches)
    if page.locale_id == active.pk and not page.alias_of_id:
        return None
    if hasattr(page, "written_language_code"):  # see with_written_language
        code = page.written_language_code
    elif page.alias_of_id:
        code = written_language(page, active)
    else:
        code = _language_codes_of_locales().get(page.locale_id)
    return None if code in (None, active_content_language()) else code


def with_written_language(pages):
    """`pages`, each told the language it is written in, for lists kept in the
    content cache (the menu): language_of_part then asks nothing."""
    for page in pages:
        page.written_language_code = (
            written_language(page) if page.alias_of_id else None
        ) or _language_codes_of_locales().get(page.locale_id)
    return pages
