"""One lookup per request for what many parts of a page ask again and again.

A page's header, footer, blocks and Wagtail itself each ask "which locale is
this language?" (every `page.localized`) and "which sections are private?"
(every `.public()` queryset). Each answer is one query, and they add up to a
third of a page's queries. Neither answer can change while one public page is
served, so they are remembered for the length of that request, and forgotten
when it ends. Admin requests remember nothing (an editor may add a locale or
a restriction and read it back in the same request), and neither does code
outside a request (commands, tasks, tests calling code directly).

Wagtail's own lookups are routed here by `core.patches`.
"""

import threading

from django.core.signals import request_finished, request_started

from core.serving.paths import is_admin_path

_local = threading.local()


def is_active():
    """Whether a public request is being served (answers may be remembered)."""
    return getattr(_local, "store", None) is not None


def remember(key, compute):
    """compute() once per public request for `key`; every time elsewhere."""
    store = getattr(_local, "store", None)
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def start(environ=None, **kwargs):
    """Begin remembering (request_started); not for the admin."""
    path = (environ or {}).get("PATH_INFO", "")
    _local.store = None if is_admin_path(path) else {}


def finish(**kwargs):
    _local.store = None


def connect_signals():
    request_started.connect(start, dispatch_uid="core.serving.request_memo.start")
    request_finished.connect(finish, dispatch_uid="core.serving.request_memo.finish")
