"""Reads of consultations for pages, commands and (later) documents and the API."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch
from django.utils import timezone

from tashawur.consultations.models import Consultation
from tashawur.cycles.models import Question
from tashawur.groups.models import WorkingGroup
from tashawur.rules import (
    ConsultationStatus,
    Finding,
    Schedule,
    Timeline,
    check_schedule,
    consultation_status,
    expected_timeline,
    local_date,
)


def consultation_schedule(consultation: Consultation) -> Schedule:
    """The consultation's actual dates, as the rule engine reads them."""
    physical = consultation.physical_meeting
    return Schedule(
        choosing_meeting=consultation.chosen_at.span if consultation.chosen_at else None,
        next_group_meeting=consultation.feeds_meeting.span if consultation.feeds_meeting else None,
        announced_on=consultation.announced_on,
        opens_on=consultation.opens_on,
        response_deadline=consultation.response_deadline,
        physical_meeting=physical.span if physical else None,
        report_published_on=consultation.report_published_on,
        physical_meeting_remote_participation=physical.remote_participation if physical else True,
        physical_meeting_webcast=physical.webcast if physical else True,
        physical_meeting_captioning=physical.captioning if physical else True,
    )


@dataclass(frozen=True)
class ConsultationCalendar:
    """Everything the rules say about one consultation, at one instant."""

    schedule: Schedule
    timeline: Timeline
    findings: list[Finding]
    status: ConsultationStatus
    today: object  # date in the group's time zone

    @property
    def violations(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "violation"]


def consultation_calendar(consultation: Consultation, *, now: datetime | None = None) -> ConsultationCalendar:
    now = now or timezone.now()
    group = consultation.group
    schedule = consultation_schedule(consultation)
    today = local_date(now, group.zone)
    return ConsultationCalendar(
        schedule=schedule,
        timeline=expected_timeline(group.rule_settings, schedule),
        findings=check_schedule(group.rule_settings, schedule, today=today),
        status=consultation_status(schedule, now=now, tz=group.zone),
        today=today,
    )


def consultations_with_calendar():
    """Consultations with everything their calendar needs, in a fixed number of queries."""
    return Consultation.objects.select_related(
        "group", "topic", "chosen_at", "feeds_meeting", "physical_meeting"
    ).prefetch_related(Prefetch("topic__questions", queryset=Question.objects.order_by("position")))


def groups_for_home():
    return WorkingGroup.objects.prefetch_related(
        Prefetch("consultations", queryset=consultations_with_calendar().order_by("-opens_on"))
    ).order_by("code")


def consultation_by_slug(slug: str) -> Consultation:
    return consultations_with_calendar().get(slug=slug)
