"""Search across consultations, questions, published responses and their attachments: one interface.

``search(query, filters=..., page=...)`` parses the query the same way for
every engine, asks the database's engine for the matching rows and their rank,
and adds what is engine-independent: facets, snippets, pages. Its query count is
fixed: the page, the total, one per facet, and the labels of groups and consultations.
"""

from dataclasses import dataclass, field, fields

from django.db.models import Count, QuerySet

from tashawur.consultations.models import Consultation
from tashawur.groups.models import WorkingGroup
from tashawur.search.engines import current_engine
from tashawur.search.models import SearchDocument
from tashawur.search.snippets import Segment, snippet
from tashawur.search.text import parse_query

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
FACETS = ("kind", "group", "consultation", "stakeholder_group", "language", "channel", "year")
_FACET_FIELDS = {"group": "group__code", "consultation": "consultation__slug"}


@dataclass(frozen=True)
class SearchFilters:
    kind: str = ""
    group: str = ""
    consultation: str = ""
    stakeholder_group: str = ""
    language: str = ""
    channel: str = ""
    year: int | None = None

    def active(self) -> dict:
        values = {item.name: getattr(self, item.name) for item in fields(self)}
        return {name: value for name, value in values.items() if value not in ("", None)}


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    url: str
    language: str
    snippet: list[Segment]
    rank: float
    group: str
    consultation: str
    consultation_title: str
    receipt_number: str
    year: int | None


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    page: int = 1
    page_size: int = PAGE_SIZE
    group_names: dict[str, dict] = field(default_factory=dict)  # code -> per-language name
    consultation_titles: dict[str, str] = field(default_factory=dict)  # slug -> title in the active language

    @property
    def has_next(self) -> bool:
        return self.page * self.page_size < self.total


def _filtered(documents: QuerySet, filters: SearchFilters) -> QuerySet:
    for name, value in filters.active().items():
        documents = documents.filter(**{_FACET_FIELDS.get(name, name): value})
    return documents


def _facets(matches: QuerySet) -> dict[str, list[FacetValue]]:
    facets = {}
    for name in FACETS:
        column = _FACET_FIELDS.get(name, name)
        rows = matches.order_by().values_list(column).annotate(count=Count("pk")).order_by("-count", column)
        facets[name] = [FacetValue(str(value), count) for value, count in rows if value not in ("", None)]
    return facets


def search(query: str, *, filters: SearchFilters = SearchFilters(), page: int = 1,
           page_size: int = PAGE_SIZE) -> SearchResults:
    """Ranked hits (best first) with snippets, and facets counted over every hit of the query and filters."""
    terms = parse_query(query or "")
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    page = max(1, page)
    if not terms:
        return SearchResults(query=query or "", total=0, hits=[], page=page, page_size=page_size)
    matches = current_engine().matching(SearchDocument.objects.all(), terms)
    selected = _filtered(matches, filters)
    facets = _facets(selected)
    total = selected.count()
    offset = (page - 1) * page_size
    rows = list(
        selected.select_related("group", "consultation__topic", "response")
        .order_by("-rank", "-year", "pk")[offset:offset + page_size]
    )
    hits = [
        Hit(
            kind=row.kind, title=row.title, url=row.url, language=row.language,
            snippet=snippet(row.body, terms, row.language) if row.body else [], rank=float(row.rank or 0),
            group=row.group.code, consultation=row.consultation.slug,
            consultation_title=row.consultation.display_title(),
            receipt_number=row.response.receipt_number if row.response_id else "", year=row.year,
        )
        for row in rows
    ]
    return SearchResults(
        query=query, total=total, hits=hits, facets=facets, page=page, page_size=page_size,
        **_labels(facets),
    )


def _labels(facets: dict[str, list[FacetValue]]) -> dict:
    codes = [value.value for value in facets.get("group", [])]
    slugs = [value.value for value in facets.get("consultation", [])]
    groups = {group.code: group.name for group in WorkingGroup.objects.filter(code__in=codes)}
    consultations = Consultation.objects.filter(slug__in=slugs).select_related("topic")
    return {
        "group_names": groups,
        "consultation_titles": {consultation.slug: consultation.display_title() for consultation in consultations},
    }
