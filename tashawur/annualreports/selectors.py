"""The facts of a group's annual report to Council, read from the platform's records (Res. 1336 rule 11).

Meetings held, consultations with their statistics and timeline, decisions (with
referrals to Council), the growth of the repository, positions stated and the
follow-up of mandates, for a year or a span of years in the group's time zone.
A fixed number of queries, whatever the number of rows.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from tashawur.annualreports.models import AnnualReport
from tashawur.consultations.selectors import ConsultationCalendar, consultation_calendar, consultations_with_calendar
from tashawur.cycles.models import Decision, DecisionTopic
from tashawur.groups.models import WorkingGroup
from tashawur.mandates.selectors import MandateStatus, mandate_statuses
from tashawur.meetings.models import Meeting
from tashawur.policy.models import PolicyIssue
from tashawur.positions.models import PositionStatement
from tashawur.repository.selectors import RepositoryGrowth, growth
from tashawur.responses.models import Response, Status


@dataclass(frozen=True)
class ConsultationFacts:
    consultation: object
    calendar: ConsultationCalendar
    published: int
    by_stakeholder_group: dict[str, int]  # published responses per stakeholder group ("" when not stated)
    by_channel: dict[str, int]


@dataclass(frozen=True)
class PositionFacts:
    statements: int
    member_states: int
    superseding: int  # statements that replaced an earlier position
    by_issue: list[tuple[PolicyIssue, int]]
    by_topic: list[tuple[object, int]]


@dataclass(frozen=True)
class AnnualReportFacts:
    group: WorkingGroup
    first_year: int
    last_year: int
    narrative: AnnualReport | None
    meetings: list[Meeting]
    consultations: list[ConsultationFacts]
    decisions: list[Decision]
    repository: RepositoryGrowth
    positions: PositionFacts
    mandates: list[MandateStatus]
    issued_on: date
    issues_handled: list[PolicyIssue] = field(default_factory=list)

    @property
    def span_label(self) -> str:
        return str(self.first_year) if self.first_year == self.last_year else f"{self.first_year}\u2013{self.last_year}"

    @property
    def start(self) -> date:
        return date(self.first_year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.last_year, 12, 31)


def annual_report_facts(group: WorkingGroup, first_year: int, last_year: int, *, now: datetime | None = None) -> AnnualReportFacts:
    now = now or timezone.now()
    start, end = date(first_year, 1, 1), date(last_year, 12, 31)
    zone = group.zone
    start_at = datetime.combine(start, time.min, tzinfo=zone)
    end_at = datetime.combine(date(last_year + 1, 1, 1), time.min, tzinfo=zone)
    meetings = list(Meeting.objects.filter(group=group, starts_on__range=(start, end)).order_by("starts_on", "kind"))
    issues_handled = list(PolicyIssue.objects.filter(groups=group).order_by("position", "slug"))
    return AnnualReportFacts(
        group=group, first_year=first_year, last_year=last_year,
        narrative=AnnualReport.objects.filter(group=group, first_year=first_year, last_year=last_year).first(),
        meetings=meetings,
        consultations=_consultations(group, start, end, now),
        decisions=list(
            Decision.objects.filter(meeting__group=group, meeting__starts_on__range=(start, end))
            .select_related("meeting__group")
            .prefetch_related(Prefetch("decision_topics", queryset=DecisionTopic.objects.select_related("topic")))
            .order_by("meeting__starts_on")
        ),
        repository=growth(group=group, start=start_at, end=end_at),
        positions=_positions(group, issues_handled, start, end),
        mandates=mandate_statuses(group=group, today=timezone.localdate(now, zone)),
        issued_on=timezone.localdate(now, zone),
        issues_handled=issues_handled,
    )


def _consultations(group, start: date, end: date, now) -> list[ConsultationFacts]:
    """Consultations that opened, closed or met in the period, with published responses counted in one query."""
    in_period = (
        Q(opens_on__range=(start, end)) | Q(response_deadline__range=(start, end))
        | Q(physical_meeting__starts_on__range=(start, end))
    )
    consultations = list(consultations_with_calendar().filter(in_period, group=group).order_by("opens_on", "slug"))
    counts = (
        Response.objects.filter(consultation__in=consultations, status=Status.PUBLISHED)
        .values_list("consultation_id", "stakeholder_group", "channel").annotate(count=Count("pk")).order_by()
    )
    by_group, by_channel = Counter(), Counter()
    for consultation_id, stakeholder_group, channel, count in counts:
        by_group[consultation_id, stakeholder_group] += count
        by_channel[consultation_id, channel] += count
    facts = []
    for consultation in consultations:
        groups = {key: n for (pk, key), n in by_group.items() if pk == consultation.pk}
        channels = {key: n for (pk, key), n in by_channel.items() if pk == consultation.pk}
        facts.append(ConsultationFacts(
            consultation=consultation, calendar=consultation_calendar(consultation, now=now),
            published=sum(groups.values()), by_stakeholder_group=groups, by_channel=channels,
        ))
    return facts


def _positions(group, issues_handled, start: date, end: date) -> PositionFacts:
    statements = list(
        PositionStatement.objects.filter(
            Q(issue__in=issues_handled) | Q(topic__group=group), stated_on__range=(start, end),
        ).select_related("topic").annotate(replaced=Count("supersedes")).order_by("stated_on", "pk")
    )
    by_issue = Counter(statement.issue_id for statement in statements if statement.issue_id)
    by_topic = Counter(statement.topic for statement in statements if statement.topic_id)
    issues = {issue.pk: issue for issue in issues_handled}
    return PositionFacts(
        statements=len(statements),
        member_states=len({statement.member_state_id for statement in statements}),
        superseding=sum(1 for statement in statements if statement.replaced),
        by_issue=sorted(((issues[pk], n) for pk, n in by_issue.items()), key=lambda item: (-item[1], item[0].position)),
        by_topic=sorted(by_topic.items(), key=lambda item: -item[1]),
    )
