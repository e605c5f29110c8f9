"""SQLite only: an FTS5 index over the search documents' terms, kept by triggers.

On any other database this migration does nothing. A later migration that alters
search_searchdocument on SQLite rebuilds the table, which drops these triggers:
it must create them again (CREATE below) and rebuild the FTS5 table.
"""

from django.db import migrations

TABLE = "search_searchdocument"
COLUMNS = "title_terms, body_terms, stem_terms"

CREATE = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        {COLUMNS}, content='{TABLE}', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
    )""",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.id, new.title_terms, new.body_terms, new.stem_terms);
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title_terms, old.body_terms, old.stem_terms);
    END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title_terms, old.body_terms, old.stem_terms);
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.id, new.title_terms, new.body_terms, new.stem_terms);
    END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
