"""PostgreSQL only: the tsvector of each search document, kept by a trigger, with a GIN index.

The vector holds the folded words and CJK bigrams (``simple`` configuration,
titles weighted A, texts B) and, for English, French, Spanish and Russian, the
words stemmed by PostgreSQL's own configuration of the document's language.
On any other database this migration does nothing.
"""

from django.db import migrations

CREATE = [
    """CREATE FUNCTION search_document_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('simple', coalesce(NEW.title_terms, '')), 'A') ||
            setweight(to_tsvector('simple', coalesce(NEW.body_terms, '')), 'B');
        IF NEW.stem_config <> 'simple' THEN
            NEW.search_vector := NEW.search_vector ||
                setweight(to_tsvector(NEW.stem_config::regconfig, coalesce(NEW.title, '')), 'A') ||
                setweight(to_tsvector(NEW.stem_config::regconfig, coalesce(NEW.body, '')), 'B');
        END IF;
        RETURN NEW;
    END
    $$""",
    """CREATE TRIGGER search_document_vector BEFORE INSERT OR UPDATE ON search_searchdocument
        FOR EACH ROW EXECUTE FUNCTION search_document_vector()""",
    "CREATE INDEX search_document_vector_gin ON search_searchdocument USING gin (search_vector)",
    "UPDATE search_searchdocument SET stem_config = stem_config",
]
DROP = [
    "DROP INDEX IF EXISTS search_document_vector_gin",
    "DROP TRIGGER IF EXISTS search_document_vector ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_document_vector()",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0002_sqlite_fts5")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
