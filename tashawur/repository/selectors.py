"""Reads of the repository: the public list with its filters and search, one entry, the export, growth."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet

from tashawur.policy.models import PolicyIssue
from tashawur.policy.regions import place_codes_in, regions_of
from tashawur.repository.models import EntryEvent, EntryStatus, RepositoryEntry


@dataclass(frozen=True)
class EntryFilters:
    issue: str = ""              # issue slug
    country: str = ""            # ISO alpha-2
    region: str = ""             # M49 code: entries about the region, its sub-regions or its countries
    stakeholder_group: str = ""
    year: int | None = None
    text: str = ""               # words searched in title, summary and organisation


def _with_details(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("group", "response__consultation").prefetch_related(
        Prefetch("issues", queryset=PolicyIssue.objects.order_by("position", "slug")), "links", "files",
    )


def published_entries(filters: EntryFilters = EntryFilters()) -> QuerySet:
    """Published entries matching the filters, newest year first, with issues, links and files."""
    queryset = RepositoryEntry.objects.filter(status=EntryStatus.PUBLISHED)
    if filters.issue:
        queryset = queryset.filter(issues__slug=filters.issue)
    if filters.country:
        queryset = queryset.filter(Q(country=filters.country) | Q(region__in=regions_of(filters.country)))
    if filters.region:
        places = place_codes_in(filters.region)
        queryset = queryset.filter(Q(country__in=places) | Q(region__in=places))
    if filters.stakeholder_group:
        queryset = queryset.filter(stakeholder_group=filters.stakeholder_group)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    for word in filters.text.split()[:8]:
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(organisation__icontains=word)
        )
    return _with_details(queryset).order_by("-year", "title", "pk")


def published_entry(pk: int) -> RepositoryEntry:
    """Raises RepositoryEntry.DoesNotExist when there is no such published entry."""
    return _with_details(RepositoryEntry.objects.filter(status=EntryStatus.PUBLISHED)).get(pk=pk)


@dataclass(frozen=True)
class FilterChoices:
    countries: tuple[str, ...]
    years: tuple[int, ...]


def filter_choices() -> FilterChoices:
    """Countries and years present among published entries (one query)."""
    rows = RepositoryEntry.objects.filter(status=EntryStatus.PUBLISHED).values_list("country", "year").distinct()
    countries, years = set(), set()
    for country, year in rows:
        if country:
            countries.add(country)
        years.add(year)
    return FilterChoices(tuple(sorted(countries)), tuple(sorted(years, reverse=True)))


def audit_log(entry: RepositoryEntry) -> QuerySet:
    return EntryEvent.objects.filter(entry=entry).select_related("actor").order_by("at", "pk")


@dataclass(frozen=True)
class RepositoryGrowth:
    published_in_period: int
    total_at_end: int
    by_issue: tuple[tuple[PolicyIssue, int], ...]  # entries published in the period, per issue


def growth(*, group, start: datetime, end: datetime) -> RepositoryGrowth:
    """Entries of a group's repository published in [start, end), and the total published at ``end``.

    Only entries published now count, each in the period of its (latest) publication date: one
    rejected or returned to the queue since is not counted.
    """
    published = RepositoryEntry.objects.filter(group=group, status=EntryStatus.PUBLISHED)
    counts = published.aggregate(
        in_period=Count("pk", filter=Q(published_at__gte=start, published_at__lt=end)),
        total=Count("pk", filter=Q(published_at__lt=end)),
    )
    by_issue = (
        PolicyIssue.objects.filter(
            repository_entries__in=published.filter(published_at__gte=start, published_at__lt=end)
        )
        .annotate(entry_count=Count("repository_entries", distinct=True))
        .order_by("-entry_count", "position", "slug")
    )
    return RepositoryGrowth(
        published_in_period=counts["in_period"], total_at_end=counts["total"],
        by_issue=tuple((issue, issue.entry_count) for issue in by_issue),
    )
