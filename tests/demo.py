"""The demo site inside a transaction, for tests that only read it.

Loading the demo takes seconds; a module- or package-scoped fixture loads it
once, inside a transaction rolled back when its tests are done. Each test's
own `db` transaction nests inside it (a savepoint), so what a test writes is
rolled back after it and the next test sees the demo as loaded.
"""

import contextlib

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction


def ensure_tree_root():
    """Wagtail's root page and root collection, made by its migrations, which a
    transactional test earlier in the session may have flushed away."""
    from wagtail.models import Collection, Locale, Page

    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@contextlib.contextmanager
def rolled_back_demo(django_db_blocker):
    """The demo content, inside a transaction that is rolled back afterwards."""
    with django_db_blocker.unblock():
        # pytest-django makes the test database only for sessions with tests
        # marked django_db: never load the demo into a real database.
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        try:
            with transaction.atomic():
                ensure_tree_root()
                call_command("load_demo_content", verbosity=0)
                yield
                transaction.set_rollback(True)
        finally:
            # Wagtail caches the site's root paths; they died with the rollback.
            cache.clear()
