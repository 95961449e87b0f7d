"""Answers that change only when content does: the menu, breadcrumbs, the
translations of a page, the footer links, the library's filter choices, the
site of a host, its settings, the locales, the view restrictions and the page
at a URL path.

Every page asks them, each costs a query or two, and their answer changes only
when something is published, moved, deleted or a setting is saved: exactly
when the page cache's generation moves on (core.serving.page_cache). So they
are kept in the cache under that generation and are recomputed after the next
change. With the cache down they are computed every time.

The structural answers (sites, settings, locales, view restrictions) have a
generation of their own that a publish does not move: the first render after
a publish, the one every reader of a new campaign meets, asks only for the
content that changed.
"""

from django.conf import settings

from core.serving import page_cache, resilient
from core.serving.request_memo import is_active, remember


def remember_until_content_changes(key, compute):
    """compute(), kept in the cache until published content next changes.

    An answer of None is not kept (it is computed again next time): a page
    that was not found is not remembered for every path a reader may type.
    """
    generation = remember("page_cache_generation", page_cache.generation)
    return _remembered("content", generation, key, compute)


def remember_until_structure_changes(key, compute):
    """compute(), kept in the cache until a site, setting, locale or view
    restriction is saved or deleted, or a page moves (page_cache.
    structure_generation): publishing a page leaves these answers warm, so
    the first render after a publish does not ask them again.

    Only for answers that hold no page content: a setting's row (its links
    are looked up when used), a Site without its home page, the locales,
    the view restrictions with their pages' tree paths.
    """
    generation = remember("structure_generation", page_cache.structure_generation)
    return _remembered("structure", generation, key, compute)


def _remembered(prefix, generation, key, compute):
    if generation is None:
        return compute()
    cache_key = "{}:{}:{}".format(prefix, generation, ":".join(map(str, key)))
    value = resilient.call("get", cache_key)
    if value is None:
        value = compute()
        if value is not None:
            resilient.call("set", cache_key, value, settings.PAGE_CACHE_SECONDS)
    return value


class RememberedSettingMixin:
    """For a site setting: `for_request` answered from the content cache in
    a public request (Wagtail's own caches it only on the request).

    Settings save or delete moves the structure generation on,
    and the row is pickled without its request (BaseSiteSetting.__getstate__).
    The admin and code outside a request read the database as Wagtail does.
    """

    @classmethod
    def for_request(cls, request):
        from wagtail.models import Site

        attr_name = cls.get_cache_attr_name()
        if request is None or hasattr(request, attr_name) or not is_active():
            return super().for_request(request)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = remember_until_structure_changes(
            ("setting", cls._meta.label_lower, site.pk), lambda: cls.for_site(site)
        )
        # As Wagtail's for_request: page links in the settings use the request.
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings
