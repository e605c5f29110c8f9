"""One interface, two engines: PostgreSQL full-text search and SQLite FTS5.

An engine turns the parsed query into a filter on ``SearchDocument`` rows and a
``rank`` annotation (higher is better); everything else (facets, snippets,
pages) is the same for both, in ``tashawur.search.selectors``.
"""

from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import QuerySet

from tashawur.search.text import QueryTerm


class SearchEngine(Protocol):
    def matching(self, documents: QuerySet, terms: list[QueryTerm]) -> QuerySet:
        """``documents`` narrowed to those matching every term, annotated with ``rank``."""


def current_engine() -> SearchEngine:
    if connection.vendor == "postgresql":
        from tashawur.search.engines.postgresql import PostgresEngine

        return PostgresEngine()
    if connection.vendor == "sqlite":
        from tashawur.search.engines.sqlite import SqliteEngine

        return SqliteEngine()
    raise ImproperlyConfigured(f"Search supports PostgreSQL and SQLite, not {connection.vendor}.")
