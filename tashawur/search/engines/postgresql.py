"""PostgreSQL: tsquery against the trigger-kept tsvector (GIN index), ranked by ts_rank."""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, QuerySet

from tashawur.search.text import STEMMED_LANGUAGES, QueryTerm

CONFIGS = tuple(STEMMED_LANGUAGES.values())


def term_query(term: QueryTerm) -> SearchQuery:
    """Any form of the term: the folded word, or its stem in one of PostgreSQL's language configurations."""
    if term.cjk and len(term.cjk) == 1 and len(term.cjk[0]) == 1:
        return SearchQuery(f"'{term.cjk[0]}':*", config="simple", search_type="raw")  # one CJK character: any bigram
    if term.cjk:
        return SearchQuery(" ".join(term.cjk), config="simple", search_type="phrase")
    alternatives = [SearchQuery(term.word, config="simple", search_type="plain")]
    alternatives += [SearchQuery(term.written, config=config, search_type="plain") for config in CONFIGS]
    return reduce(or_, alternatives)


class PostgresEngine:
    def matching(self, documents: QuerySet, terms: list[QueryTerm]) -> QuerySet:
        query = reduce(and_, (term_query(term) for term in terms))
        return documents.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))
