"""Querysets of the API, each with its related rows fetched up front (a fixed number of queries per page)."""

from django.db.models import Prefetch, QuerySet

from tashawur.consultations.selectors import consultations_with_calendar
from tashawur.cycles.models import Cycle, Decision, DecisionTopic, Question, Topic, TopicProposal
from tashawur.groups.models import GroupMembership, MemberState, WorkingGroup
from tashawur.meetings.models import Meeting
from tashawur.responses.models import Answer, Attachment, Response, Status
from tashawur.responses.selectors import PUBLIC_PUBLICATIONS

_QUESTIONS = Prefetch("questions", queryset=Question.objects.order_by("position"))


def groups() -> QuerySet:
    return WorkingGroup.objects.prefetch_related(
        Prefetch("memberships", queryset=GroupMembership.objects.select_related("member_state"))
    )


def member_states() -> QuerySet:
    return MemberState.objects.all()


def meetings() -> QuerySet:
    return Meeting.objects.select_related("group")


def cycles() -> QuerySet:
    proposals = TopicProposal.objects.select_related("member_state", "topic").prefetch_related(
        Prefetch("topic__questions", queryset=Question.objects.order_by("position"))
    )
    return Cycle.objects.select_related("group", "opened_by__group", "closes_with__group").prefetch_related(
        Prefetch("proposals", queryset=proposals)
    )


def decisions() -> QuerySet:
    links = DecisionTopic.objects.order_by("position").prefetch_related(
        Prefetch("topic", queryset=Topic.objects.prefetch_related(_QUESTIONS))
    )
    return Decision.objects.select_related("meeting__group").prefetch_related(
        Prefetch("decision_topics", queryset=links)
    )


def consultations() -> QuerySet:
    return consultations_with_calendar()


def public_responses() -> QuerySet:
    """Published responses anyone may read (never group-only), with answers and unwithheld files."""
    return (
        Response.objects.filter(status=Status.PUBLISHED, publication__in=PUBLIC_PUBLICATIONS)
        .select_related("consultation")
        .prefetch_related(
            Prefetch("answers", queryset=Answer.objects.select_related("question").order_by("question__position")),
            Prefetch("attachments", queryset=Attachment.objects.filter(withheld=False).order_by("pk"),
                     to_attr="public_attachments"),
        )
    )
