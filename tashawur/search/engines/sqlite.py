"""SQLite: an FTS5 MATCH over the folded terms and Python-made stems, ranked by bm25."""

from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

from tashawur.search.text import QueryTerm

# bm25 weights of the FTS5 columns: title_terms, body_terms, stem_terms.
_BM25 = "bm25(search_fts, 4.0, 1.0, 1.0)"


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(terms: list[QueryTerm]) -> str:
    """An FTS5 query: every term (AND), each as any of its forms (OR); CJK runs as phrases of bigrams."""
    parts = []
    for term in terms:
        if term.cjk and len(term.cjk) == 1 and len(term.cjk[0]) == 1:
            parts.append(_quote(term.cjk[0]) + " *")
        elif term.cjk:
            parts.append(_quote(" ".join(term.cjk)))
        else:
            parts.append("(" + " OR ".join(_quote(form) for form in term.forms) + ")")
    return " AND ".join(parts)


class SqliteEngine:
    def matching(self, documents: QuerySet, terms: list[QueryTerm]) -> QuerySet:
        expression = match_expression(terms)
        table = documents.model._meta.db_table
        matches = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", (expression,))
        rank = RawSQL(
            f"SELECT -{_BM25} FROM search_fts WHERE search_fts MATCH %s AND search_fts.rowid = {table}.id",
            (expression,), output_field=FloatField(),
        )
        return documents.filter(pk__in=matches).annotate(rank=rank)
