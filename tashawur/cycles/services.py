"""Actions of a cycle: a member state proposes a topic, the meeting records its decision."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tashawur.core.errors import NotAllowed
from tashawur.cycles.errors import InvalidDecision, NotAMember, ProposalLimitReached, ProposalsNotOpen
from tashawur.cycles.models import Cycle, Decision, DecisionOutcome, DecisionTopic, Question, Topic, TopicProposal
from tashawur.groups import permissions
from tashawur.groups.models import MemberState
from tashawur.meetings.models import Meeting, MeetingKind
from tashawur.rules import accepts_proposals, local_date, proposal_window


def create_topic(*, group, title: dict, questions: list[dict], description: dict | None = None) -> Topic:
    """A topic with its ordered questions (each a dict of texts per language)."""
    topic = Topic(group=group, title=title, description=description or {})
    topic.full_clean()
    topic.save()
    for position, text in enumerate(questions, start=1):
        question = Question(topic=topic, position=position, text=text)
        question.full_clean()
        question.save()
    return topic


def propose_topic(
    *, actor, cycle: Cycle, member_state: MemberState, title: dict, questions: list[dict] = (),
    rationale: dict | None = None, today: date | None = None,
) -> TopicProposal:
    """Record a member state's topic proposal for the next consultation.

    Res. 1336 rule 2: right after a group meeting, each member state may propose
    one topic only (the group's ``proposals_per_state``). The database refuses a
    duplicate too, so two concurrent submissions cannot both pass.
    """
    group = cycle.group
    if not permissions.can_propose_topic(actor, group, member_state):
        raise NotAllowed()
    if group.limited_to_member_states and not group.memberships.filter(member_state=member_state).exists():
        raise NotAMember(state=member_state.name(), group=group.code)
    closes_with = cycle.closes_with.span if cycle.closes_with_id else None
    today = today or local_date(timezone.now(), group.zone)
    if not accepts_proposals(cycle.opened_by.span, closes_with, today):
        opens, closes = proposal_window(cycle.opened_by.span, closes_with)
        raise ProposalsNotOpen(opens=opens.isoformat(), closes=closes.isoformat() if closes else "…", today=today.isoformat())
    try:
        with transaction.atomic(durable=True):
            Cycle.objects.select_for_update().get(pk=cycle.pk)
            count = TopicProposal.objects.filter(cycle=cycle, member_state=member_state).count()
            if count >= group.proposals_per_state:
                raise ProposalLimitReached(state=member_state.name(), limit=group.proposals_per_state)
            topic = create_topic(group=group, title=title, questions=list(questions))
            proposal = TopicProposal(
                cycle=cycle, member_state=member_state, sequence=count + 1, topic=topic,
                rationale=rationale or {}, proposed_by=actor,
            )
            proposal.save()
    except IntegrityError:
        raise ProposalLimitReached(state=member_state.name(), limit=group.proposals_per_state) from None
    return proposal


def record_decision(
    *, actor, meeting: Meeting, outcome: str, topics: list[Topic], summary: dict | None = None,
) -> Decision:
    """Record what a group meeting decided about the next consultation (rule 2).

    ``topics`` are the adopted topics, or with no consensus the candidate topics
    the group refers to Council with their draft questions.
    """
    if meeting.kind != MeetingKind.GROUP:
        raise InvalidDecision(_("Only a meeting of the group itself takes decisions on topics."))
    if not permissions.can_record_decision(actor, meeting.group):
        raise NotAllowed()
    if outcome not in DecisionOutcome.values:
        raise InvalidDecision(_("Unknown outcome: %(outcome)s.") % {"outcome": outcome})
    if not topics:
        raise InvalidDecision(_("Name the adopted topics, or the candidate topics referred to Council."))
    if any(topic.group_id != meeting.group_id for topic in topics):
        raise InvalidDecision(_("Every topic must belong to the meeting's group."))
    with transaction.atomic(durable=True):
        if Decision.objects.filter(meeting=meeting).exists():
            raise InvalidDecision(_("This meeting's decision is already recorded."))
        decision = Decision.objects.create(meeting=meeting, outcome=outcome, summary=summary or {}, recorded_by=actor)
        DecisionTopic.objects.bulk_create(
            DecisionTopic(decision=decision, topic=topic, position=position)
            for position, topic in enumerate(topics, start=1)
        )
    return decision
