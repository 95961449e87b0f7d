"""Ranked full-text search in one bounded query, over Wagtail's search index.

Wagtail's database backend runs the match three times for one page of
results (the ranked query, the paginator's COUNT(*), and a ranking subquery
per matching row): 38 s on SQLite and 277 ms on PostgreSQL at 10,000 papers.
This module reads the same index tables (modelsearch's `IndexEntry`, and its
FTS5 mirror on SQLite; see core.patches) in one query that filters, ranks and
stops at `limit` + 1 rows, so it also tells whether there are more. Then the
words are highlighted in the text of the entries shown (`snippets`).

Bounds: the terms are already cut to core.search.MAX_QUERY_WORDS words; the
query itself is stopped after SEARCH_TIMEOUT_MS (PostgreSQL's statement
timeout, SQLite's progress handler) and `SearchTooBroad` tells the reader to
narrow it, instead of a worker tied up until gunicorn kills it.
"""

import re
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks

# More matches than this and the reader is asked to narrow the search: no
# one reads past a few hundred results, and ranking stays cheap.
MAX_RESULTS = 500
SNIPPET_WORDS = 30
# Ranking: a word in the title counts this many times one in the text.
TITLE_WEIGHT = 10
INTEGER_TYPES = {"integer", "bigint", "smallint"}


def index_entry_model():
    """Wagtail's IndexEntry (wagtail.search installs modelsearch's models)."""
    return get_app_config().get_model("IndexEntry")


class SearchTooBroad(Exception):
    """The search would take too long: the reader should narrow it."""


@dataclass
class Hits:
    """Ids of the best matches, best first, and whether more matched."""

    ids: list
    more: bool


def timeout_ms():
    return getattr(settings, "SEARCH_TIMEOUT_MS", 2000)


def ranked_ids(queryset, terms, *, language=None, limit=MAX_RESULTS):
    """Ids of `queryset`'s objects that contain every word of `terms`,
    best first, at most `limit` (Hits.more says if there were more)."""
    words = terms.split()
    if not words:
        return Hits([], False)
    allowed_sql, allowed_params = allowed_ids(queryset)
    content_types = get_descendants_content_types_pks(queryset.model)
    if connection.vendor == "postgresql":
        sql, params = _postgres_sql(words, language, content_types, allowed_sql)
    else:
        sql, params = _sqlite_sql(words, content_types, allowed_sql)
    # The parameters in SQL order: the match's, the subquery's, the limit.
    with bounded():
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *allowed_params, limit + 1])
            ids = [int(row[0]) for row in cursor.fetchall()]
    return Hits(ids[:limit], len(ids) > limit)


def allowed_ids(queryset):
    """SQL for "the entry's object is one of `queryset`'s", and its params.

    The index keeps object ids as text. On PostgreSQL, when the ids are
    integers, the entry's id is read as one instead of each allowed id as
    text: the planner then joins the two sets directly rather than first
    removing duplicates from 10,000 cast ids (43 -> 29 ms for a search
    that matches every paper). Only entries of the queryset's content types
    reach the cast (a filter of the index scan), all with its kind of id.
    """
    queryset = queryset.order_by()
    pk_type = queryset.model._meta.pk.db_type(connection)
    if connection.vendor == "postgresql" and pk_type in INTEGER_TYPES:
        sql, params = queryset.values("pk").query.sql_with_params()
        return f"e.object_id::{pk_type} IN ({sql})", params
    sql, params = (
        queryset.annotate(_id_text=Cast("pk", CharField()))
        .values("_id_text")
        .query.sql_with_params()
    )
    return f"e.object_id IN ({sql})", params


def _in_list(values):
    return ", ".join(str(int(value)) for value in values) or "NULL"


def _sqlite_sql(words, content_types, allowed_sql):
    table = index_entry_model()._meta.db_table
    # Each word quoted: FTS5 reads the rest as its query syntax.
    match = " ".join(f'"{word}"' for word in words)
    # The FTS5 columns are (autocomplete, body, title); bm25 is lower for
    # better matches.
    sql = (
        f"SELECT e.object_id FROM {table}_fts f "  # noqa: S608  # nosec B608 - names and ids, words are parameters
        f"JOIN {table} e ON e.id = f.rowid "
        f"WHERE {table}_fts MATCH %s "
        f"AND {allowed_sql} "
        f"AND e.content_type_id IN ({_in_list(content_types)}) "
        f"ORDER BY bm25({table}_fts, 0, 1, {TITLE_WEIGHT}), e.id LIMIT %s"
    )
    return sql, [match]


def postgres_config(language):
    configs = getattr(settings, "SEARCH_CONFIGS", {})
    return configs.get((language or "")[:2], configs.get("", "simple"))


def _postgres_sql(words, language, content_types, allowed_sql):
    table = index_entry_model()._meta.db_table
    # Each word must be in the title or the text, not all in one of them,
    # and every test goes through the GIN indexes: a test on an entry's text
    # itself reads its whole vector, stored out of line (TOAST): 100 ms at
    # 10,000 papers. The index finds the entries with every word in their
    # text or a word in their title; with several words, each of those
    # must have them all in its text (a set the index finds) or each in its
    # title or text. A word that is only a stop word ("the") asks nothing.
    # Ranked on the entry's compact copy (core_search_rank, see migration
    # core 0007), not on the full vector, for the same reason.
    word_query = "plainto_tsquery(%s::regconfig, %s)"
    any_word = " || ".join([word_query] * len(words))
    if len(words) == 1:
        each_word = ""
    else:
        per_word = " AND ".join(
            f"(numnode({word_query}) = 0 OR e.title @@ {word_query} OR e.id IN "  # noqa: S608  # nosec B608 - names, words are parameters
            f"(SELECT id FROM {table} WHERE body @@ {word_query}))"
            for _ in words
        )
        each_word = (
            f"AND (e.id IN (SELECT id FROM {table} WHERE body @@ q) OR ({per_word})) "  # noqa: S608  # nosec B608
        )
    sql = (
        "SELECT e.object_id FROM "  # noqa: S608  # nosec B608 - names and ids, words are parameters
        f"{table} e LEFT JOIN core_search_rank r ON r.entry_id = e.id, "
        f"{word_query} q "
        f"WHERE numnode(q) > 0 AND (e.body @@ q OR e.title @@ ({any_word})) "
        f"{each_word}"
        f"AND {allowed_sql} "
        # "+ 0": not through the content type's index, which the planner
        # would rather scan, testing each entry's text on the way.
        f"AND e.content_type_id + 0 IN ({_in_list(content_types)}) "
        f"ORDER BY ts_rank(e.title, q) * {TITLE_WEIGHT} "
        "+ ts_rank(coalesce(r.vector, e.body), q) DESC, "
        "e.id LIMIT %s"
    )
    # plainto_tsquery reads a word as text: an operator in it is not one.
    config = postgres_config(language)
    params = [config, " ".join(words)]
    for word in words:
        params += [config, word]
    if len(words) > 1:
        for word in words:
            params += [config, word] * 3
    return sql, params


@contextmanager
def bounded():
    """Stop the query after timeout_ms(): SearchTooBroad instead."""
    limit = timeout_ms()
    try:
        if connection.vendor == "postgresql":
            with transaction.atomic():
                with connection.cursor() as cursor:
                    # Sequential scans off: the planner prices a text test
                    # as cheap, not knowing it reads the out-of-line vector,
                    # and picks a scan of every entry over the GIN indexes
                    # when most entries match (100 ms instead of 4).
                    # Nested loops off: it cannot estimate how many entries
                    # match several words (26 guessed, 9,436 found) and
                    # probes the pages and the ranking copy once per entry;
                    # hash joins take 48 -> 32 ms for a search that matches
                    # nearly every paper, and cost a rare word under 2 ms.
                    cursor.execute(
                        "SELECT set_config('statement_timeout', %s, true), "
                        "set_config('enable_seqscan', 'off', true), "
                        "set_config('enable_nestloop', 'off', true)",
                        [str(limit)],
                    )
                yield
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            deadline = time.monotonic() + limit / 1000
            raw = connection.connection
            # Called every 10,000 SQLite instructions; non-zero interrupts.
            raw.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
            try:
                yield
            finally:
                raw.set_progress_handler(None, 0)
        else:
            yield
    except DatabaseError as error:
        if "cancel" in str(error) or "interrupt" in str(error):
            raise SearchTooBroad from error
        raise


def snippets(model, ids, terms):
    """{id: safe HTML}: a few words around the first place the words occur
    in each object's indexed text (its PDF's included), the words marked."""
    words = terms.split()
    if not ids or not words:
        return {}
    entries = index_entry_model().objects.filter(
        content_type_id__in=get_descendants_content_types_pks(model),
        object_id__in=[str(pk) for pk in ids],
    )
    field = "body_text" if connection.vendor == "postgresql" else "body"
    # A word and its endings ("reprisal" finds "reprisals"), whole words only.
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(word) for word in words) + r")\w*",
        re.IGNORECASE,
    )
    return {
        int(object_id): highlight(text or "", pattern)
        for object_id, text in entries.values_list("object_id", field)
    }


def highlight(text, pattern):
    found = pattern.search(text)
    if found is None:
        return ""
    before = text[: found.start()].split()[-8:]
    after = text[found.start() :].split()[: SNIPPET_WORDS - len(before)]
    excerpt = " ".join(before + after)
    parts, last = [], 0
    for match in pattern.finditer(excerpt):
        parts.append(escape(excerpt[last : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(excerpt[last:]))
    prefix = "… " if len(before) == 8 else ""
    return mark_safe(prefix + "".join(parts) + " …")  # noqa: S308  # nosec B308 B703 - every part escaped above
