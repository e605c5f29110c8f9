"""Reads for the issue pages: each gathers consultations, public responses, repository entries and
positions on one issue, across years and groups, in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from tashawur.consultations.models import Consultation
from tashawur.policy.models import PolicyIssue
from tashawur.positions.models import PositionStatement
from tashawur.repository.models import EntryStatus, RepositoryEntry
from tashawur.responses.models import Publication, Response, Status

PUBLIC_PUBLICATIONS = (Publication.NAMED, Publication.ANONYMOUS)
RESPONSES_SHOWN = 100


def public_responses() -> QuerySet:
    """Responses anyone may read: published, and not sent to the group only."""
    return Response.objects.filter(status=Status.PUBLISHED, publication__in=PUBLIC_PUBLICATIONS)


def issues_with_counts() -> QuerySet:
    """Every issue with how much the platform holds on it (one query)."""
    return PolicyIssue.objects.prefetch_related("groups").annotate(
        consultation_count=Count("consultation_tags", distinct=True),
        response_count=Count(
            "response_tags", distinct=True,
            filter=Q(response_tags__response__status=Status.PUBLISHED,
                     response_tags__response__publication__in=PUBLIC_PUBLICATIONS),
        ),
        entry_count=Count("repository_entries", distinct=True, filter=Q(repository_entries__status=EntryStatus.PUBLISHED)),
        position_count=Count("position_statements", distinct=True, filter=Q(position_statements__is_current=True)),
    ).order_by("position", "slug")


@dataclass(frozen=True)
class IssuePage:
    issue: PolicyIssue
    consultations: list
    responses: list
    response_count: int
    entries: list
    positions: list  # current statements, each with ``statement_count`` (its history's length)


def issue_page(slug: str) -> IssuePage:
    """Raises PolicyIssue.DoesNotExist."""
    issue = PolicyIssue.objects.prefetch_related("groups").get(slug=slug)
    consultations = list(
        Consultation.objects.filter(policy_issue_tags__issue=issue)
        .select_related("group", "topic", "physical_meeting").order_by("-opens_on", "slug")
    )
    responses = public_responses().filter(policy_issue_tags__issue=issue)
    response_count = responses.count()
    responses = list(
        responses.select_related("consultation__group", "consultation__topic").order_by("-received_at", "pk")[:RESPONSES_SHOWN]
    )
    entries = list(
        RepositoryEntry.objects.filter(issues=issue, status=EntryStatus.PUBLISHED)
        .select_related("group").order_by("-year", "title")
    )
    positions = list(
        PositionStatement.objects.filter(issue=issue, is_current=True)
        .select_related("member_state")
        .annotate(statement_count=Count(
            "member_state__position_statements", filter=Q(member_state__position_statements__issue=issue),
        ))
        .order_by("-stated_on", "member_state__code")
    )
    return IssuePage(issue, consultations, responses, response_count, entries, positions)
