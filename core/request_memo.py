"""One lookup per request for what many parts of a page ask again and again.

A page's header, footer, blocks and Wagtail itself each ask "which locale is
this language?" (every `page.localized`) and "which sections are private?" (every
`.public()` queryset). Each answer is one query, and they add up to a third of
a page's queries. Both answers cannot change while one request is served, so
they are remembered for the length of that request, and forgotten when it
ends. Outside a request (commands, tasks, tests calling code directly) nothing
is remembered.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models import Q

_local = threading.local()


def remember(key, compute):
    """compute() once per request for `key`; every time outside a request."""
    store = getattr(_local, "store", None)
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def _start(**kwargs):
    _local.store = {}


def _finish(**kwargs):
    _local.store = None


def install():
    """Connect to the request signals and route Wagtail's two lookups here."""
    from wagtail.models import PageViewRestriction
    from wagtail.models.i18n import LocaleManager
    from wagtail.query import PageQuerySet

    request_started.connect(_start, dispatch_uid="core.request_memo.start")
    request_finished.connect(_finish, dispatch_uid="core.request_memo.finish")

    find_locale = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        return remember(
            ("locale", language_code), lambda: find_locale(self, language_code)
        )

    def private_q(self):
        # Same as Wagtail's PageQuerySet.private_q, with the restrictions
        # read once per request.
        restrictions = remember(
            "page_view_restrictions",
            lambda: list(PageViewRestriction.objects.select_related("page")),
        )
        q = Q()
        for restriction in restrictions:
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        return q if q else Q(pk__in=[])

    LocaleManager.get_for_language = get_for_language
    PageQuerySet.private_q = private_q
