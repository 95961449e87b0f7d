"""PostgreSQL only: a compact copy of each search index entry's text vector,
for ranking (core.fulltext).

Ranking a common word ("reprisals", in 9 papers of 10) read every matching
entry's whole text vector, about 12 KB each and stored out of line (TOAST):
126 of the 134 ms of a search at 10,000 papers. Ranking needs far less: a
word counts by how often it occurs, and ts_rank's count all but stops
growing after a few occurrences. So each entry keeps its RANK_WORDS most
weighted words with their first two positions, about 1.6 KB, stored in line.
Triggers on the index table keep the copy (modelsearch writes the index
with INSERT ... ON CONFLICT, which fires them); a word outside an entry's
copy still matches through the full vector and its GIN index, and ranks
as if it occurred once.
"""

from django.db import migrations

RANK_WORDS = 100

CREATE = """
CREATE TABLE core_search_rank (
    entry_id integer PRIMARY KEY,
    vector tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE core_search_rank ALTER COLUMN vector SET STORAGE MAIN;

CREATE FUNCTION core_search_rank_vector(body tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
      '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''''
      || coalesce(':' || (
          SELECT string_agg(p::text || CASE w WHEN 'D' THEN '' ELSE w END, ',')
          FROM unnest(positions[1:2], weights[1:2]) AS x(p, w)), ''),
      ' '), '')::tsvector
  FROM (
    SELECT lexeme, positions, weights FROM unnest(body)
    ORDER BY (
        SELECT sum(CASE w WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.4
                          WHEN 'C' THEN 0.2 ELSE 0.1 END)
        FROM unnest(weights) AS w) DESC NULLS LAST, lexeme
    LIMIT %(words)s
  ) AS kept
$$;

CREATE FUNCTION core_search_rank_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM core_search_rank WHERE entry_id = OLD.id;
  ELSIF TG_OP = 'TRUNCATE' THEN
    TRUNCATE core_search_rank;
  ELSE
    INSERT INTO core_search_rank (entry_id, vector)
    VALUES (NEW.id, core_search_rank_vector(NEW.body))
    ON CONFLICT (entry_id) DO UPDATE SET vector = EXCLUDED.vector;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER core_search_rank_rows
AFTER INSERT OR UPDATE OF body OR DELETE ON {entries}
FOR EACH ROW EXECUTE FUNCTION core_search_rank_refresh();
CREATE TRIGGER core_search_rank_truncate
AFTER TRUNCATE ON {entries}
FOR EACH STATEMENT EXECUTE FUNCTION core_search_rank_refresh();

INSERT INTO core_search_rank (entry_id, vector)
SELECT id, core_search_rank_vector(body) FROM {entries};
"""

DROP = """
DROP TRIGGER IF EXISTS core_search_rank_rows ON {entries};
DROP TRIGGER IF EXISTS core_search_rank_truncate ON {entries};
DROP FUNCTION IF EXISTS core_search_rank_refresh();
DROP FUNCTION IF EXISTS core_search_rank_vector(tsvector);
DROP TABLE IF EXISTS core_search_rank;
"""


def run(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        statement = sql.format(entries=schema_editor.quote_name(entries))
        schema_editor.execute(statement.replace("%(words)s", str(RANK_WORDS)), None)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_brand_typeface"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
