"""Reads for the feeds and calendars, each in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from tashawur.consultations.models import Consultation
from tashawur.consultations.selectors import consultations_with_calendar
from tashawur.cycles.models import Decision, DecisionTopic
from tashawur.documents.models import Edition, PublicationState, ReportVersion
from tashawur.groups.models import WorkingGroup
from tashawur.meetings.models import Meeting
from tashawur.responses.models import Answer, Response, Status
from tashawur.responses.selectors import PUBLIC_PUBLICATIONS

FEED_ITEMS = 50


def group_by_code(code: str) -> WorkingGroup:
    """Raises WorkingGroup.DoesNotExist."""
    return WorkingGroup.objects.get(code=code)


def consultation_by_slug(slug: str) -> Consultation:
    """Raises Consultation.DoesNotExist."""
    return Consultation.objects.select_related("group", "topic").get(slug=slug)


def group_consultations(group: WorkingGroup) -> QuerySet:
    return consultations_with_calendar().filter(group=group).order_by("pk")


def group_meetings(group: WorkingGroup) -> QuerySet:
    held = Prefetch("consultations_held", queryset=Consultation.objects.select_related("topic"))
    meetings = Meeting.objects.filter(group=group).select_related("group").prefetch_related(held)
    return meetings.order_by("starts_on", "pk")


def group_decisions(group: WorkingGroup) -> QuerySet:
    links = DecisionTopic.objects.select_related("topic").order_by("position")
    return (
        Decision.objects.filter(meeting__group=group).select_related("meeting__group")
        .prefetch_related(Prefetch("decision_topics", queryset=links)).order_by("-recorded_at")[:FEED_ITEMS]
    )


def group_report_versions(group: WorkingGroup) -> QuerySet:
    """Published versions of the compiled reports (public edition), newest first."""
    versions = ReportVersion.objects.filter(
        consultation__group=group, edition=Edition.PUBLIC, state=PublicationState.PUBLISHED,
    )
    return versions.select_related("consultation__topic").order_by("-published_at")[:FEED_ITEMS]


def newly_published_responses(consultation: Consultation) -> QuerySet:
    """The latest public responses, newest first: never group-only."""
    return (
        Response.objects.filter(consultation=consultation, status=Status.PUBLISHED, publication__in=PUBLIC_PUBLICATIONS)
        .select_related("consultation__group")
        .prefetch_related(Prefetch(
            "answers", queryset=Answer.objects.select_related("question").order_by("question__position"),
        ))
        .order_by("-published_at", "-pk")[:FEED_ITEMS]
    )
