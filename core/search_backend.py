"""Wagtail's database search backend, with one PostgreSQL search
configuration per language: French and Spanish pages are indexed with
French and Spanish stemming, other languages with `simple` (no stemmer),
so that core.fulltext queries each language with the configuration it was
indexed with (settings.SEARCH_CONFIGS). SQLite (FTS5) has no stemming:
its backend is used as it is.
"""

import copy
from itertools import groupby

from django.db import connection
from wagtail.search.backends.database import SearchBackend as DatabaseBackend

if connection.vendor == "postgresql":
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    from core.fulltext import postgres_config

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            from wagtail.models import Locale

            languages = dict(Locale.objects.values_list("pk", "language_code"))

            def language(obj):
                return languages.get(getattr(obj, "locale_id", None), "")

            # ObjectIndexer reads the configuration from the backend: each
            # language's objects are indexed through a copy set to its own.
            objs = sorted(objs, key=language)
            for language_code, group in groupby(objs, key=language):
                index = copy.copy(self)
                index.backend = copy.copy(self.backend)
                index.backend.config = postgres_config(language_code)
                PostgresIndex.add_items(index, model, list(group))

    class SearchBackend(PostgresSearchBackend):
        index_class = LanguageIndex

else:
    SearchBackend = DatabaseBackend


def index_on_publish(sender, instance, **kwargs):
    """Index a page in the publish itself: with production settings the
    index update is a queued task, and site search would answer "0 results"
    for a new paper until a db_worker ran it."""
    from wagtail.search.index import insert_or_update_object

    insert_or_update_object(instance.specific)


def connect_signals():
    from wagtail.signals import page_published

    page_published.connect(index_on_publish, dispatch_uid="core.index_on_publish")
