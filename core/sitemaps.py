"""The sitemap: every live public page of the site, in every language, each
with its hreflang alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap

from core.i18n import default_translation, offered_translations, untranslated_alias_q


def _address(page, request):
    # The address the page's own class gives, as in <loc> (the onion host on
    # the onion service): no query, where page.specific would make one.
    return page.specific_deferred.get_full_url(request)


def hreflang_alternates(translations, request=None):
    """A page's alternates as Django's sitemap template lists them: one per
    translation (the page itself included) and x-default.

    As in the page heads (base.html): none for a page in one language only,
    the same language codes, and the x-default of core.i18n. Google asks for
    alternates only where a page has other language versions; a lone
    self-reference would say nothing.
    """
    if len(translations) < 2:
        return []
    alternates = [
        {
            "lang_code": translation.locale.language_code,
            "location": _address(translation, request),
        }
        for translation in translations
    ]
    default = default_translation(translations)
    alternates.append(
        {"lang_code": "x-default", "location": _address(default, request)}
    )
    return alternates


class TranslatedPagesSitemap(Sitemap):
    """Wagtail's sitemap, widened from the default-language tree to all of them."""

    def items(self):
        from wagtail.models import Page

        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_trees = Q()
        for path in roots.values_list("path", flat=True):
            in_trees |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_trees)
            .live()
            .public()
            # An alias of a page in another language is the original's text at
            # a second address; its canonical link names the original.
            .exclude(untranslated_alias_q())
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _translations_by_key(self, object_list):
        """{translation key: the pages offered in its languages}, for the pages
        of `object_list`, in one query however many there are (a subquery
        rather than a list of keys, which a large sitemap page would take past
        the database's limit on parameters)."""
        from wagtail.models import Page

        keys = object_list.values("translation_key")
        translations = offered_translations(
            Page.objects.filter(translation_key__in=keys)
        )
        by_key = defaultdict(list)
        for translation in translations:
            by_key[translation.translation_key].append(translation)
        return by_key

    def _urls(self, page, protocol, domain):
        # Wagtail's Sitemap._urls, plus each page's alternates. Django's own
        # alternates (Sitemap.i18n) assume a URL pattern per language, not
        # translated pages; tests/core/test_sitemap.py fails if these vanish.
        object_list = self.paginator.page(page).object_list
        translations = self._translations_by_key(object_list)
        urls = []
        last_mods = set()
        for item in object_list:
            alternates = hreflang_alternates(
                translations.get(item.translation_key, []), self.request
            )
            addresses = {
                alternate["location"]
                for alternate in alternates
                if alternate["lang_code"] != "x-default"
            }
            for url_info in item.get_sitemap_urls(self.request):
                # Only the page's own address: a routable page's other URLs
                # (if any) have no translations known here.
                if url_info["location"] in addresses:
                    url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # Empty if the whole site is private.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
