import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tashawur.core.errors import NotAllowed
from tashawur.cycles.errors import NotAMember, ProposalLimitReached, ProposalsNotOpen
from tashawur.cycles.models import TopicProposal
from tashawur.cycles.services import propose_topic
from tests.factories import CycleFactory, TopicFactory, UserFactory, member_state, role

pytestmark = pytest.mark.django_db

DURING_CYCLE = dt.date(2016, 11, 1)  # after the meeting of 13-14 Oct 2016, before 6 Feb 2017


@pytest.fixture
def cycle():
    return CycleFactory()


@pytest.fixture
def saudi_delegate(cycle):
    user = UserFactory(username="delegate-sa")
    role(user, cycle.group, "delegate", "SA")
    return user


def propose(actor, cycle, state="SA", title="Bridging the gender digital divide", today=DURING_CYCLE):
    return propose_topic(
        actor=actor, cycle=cycle, member_state=member_state(state), title={"en": title},
        questions=[{"en": "What approaches are available?"}], today=today,
    )


def test_delegate_proposes_a_topic_with_its_questions(cycle, saudi_delegate):
    proposal = propose(saudi_delegate, cycle)

    assert proposal.sequence == 1
    assert proposal.member_state.code == "SA"
    assert proposal.proposed_by == saudi_delegate
    assert [q.text["en"] for q in proposal.topic.questions.all()] == ["What approaches are available?"]


def test_second_proposal_by_the_same_state_in_a_cycle_is_refused_with_a_clear_error(cycle, saudi_delegate):
    propose(saudi_delegate, cycle)

    with pytest.raises(ProposalLimitReached) as refused:
        propose(saudi_delegate, cycle, title="Public policy considerations for OTTs")

    assert refused.value.message.startswith(
        "The member state Saudi Arabia has already made its 1 topic proposal for this cycle. Resolution 1336 limits"
    )
    assert TopicProposal.objects.filter(cycle=cycle).count() == 1


def test_database_refuses_a_second_proposal_even_past_the_service(cycle, saudi_delegate):
    first = propose(saudi_delegate, cycle)
    duplicate = TopicProposal(
        cycle=cycle, member_state=first.member_state, sequence=1, topic=TopicFactory(group=cycle.group)
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_other_states_each_propose_their_own_topic(cycle, saudi_delegate):
    russian = UserFactory(username="delegate-ru")
    role(russian, cycle.group, "delegate", "RU")

    propose(saudi_delegate, cycle)
    propose(russian, cycle, state="RU", title="Public policy considerations for OTTs")

    assert sorted(p.member_state.code for p in TopicProposal.objects.filter(cycle=cycle)) == ["RU", "SA"]


def test_group_setting_allows_two_proposals_when_the_group_says_so(cycle, saudi_delegate):
    cycle.group.proposals_per_state = 2
    cycle.group.save()

    propose(saudi_delegate, cycle)
    second = propose(saudi_delegate, cycle, title="Another topic")

    assert second.sequence == 2
    with pytest.raises(ProposalLimitReached):
        propose(saudi_delegate, cycle, title="A third topic")


def test_delegate_cannot_propose_for_another_state(cycle, saudi_delegate):
    with pytest.raises(NotAllowed):
        propose(saudi_delegate, cycle, state="RU")


def test_stakeholder_without_role_cannot_propose(cycle):
    with pytest.raises(NotAllowed):
        propose(UserFactory(), cycle)


def test_secretariat_may_enter_a_proposal_on_behalf_of_a_state(cycle):
    secretariat = UserFactory(username="sec")
    role(secretariat, cycle.group, "secretariat")

    assert propose(secretariat, cycle, state="FR").member_state.code == "FR"


def test_state_outside_the_group_cannot_propose(cycle):
    secretariat = UserFactory(username="sec")
    role(secretariat, cycle.group, "secretariat")

    with pytest.raises(NotAMember) as refused:
        propose(secretariat, cycle, state="US")
    assert "The member state United States is not a member of" in refused.value.message


@pytest.mark.parametrize(
    "today, accepted",
    [
        (dt.date(2016, 10, 14), False),  # last day of the meeting that opens the cycle
        (dt.date(2016, 10, 15), True),   # right after the meeting
        (dt.date(2017, 2, 5), True),     # the day before the next meeting
        (dt.date(2017, 2, 6), False),    # the next meeting has started: topics are being chosen
    ],
)
def test_proposals_are_open_from_the_close_of_the_meeting_until_the_next(cycle, saudi_delegate, today, accepted):
    if accepted:
        assert propose(saudi_delegate, cycle, today=today).pk
    else:
        with pytest.raises(ProposalsNotOpen) as refused:
            propose(saudi_delegate, cycle, today=today)
        assert "2016-10-15" in refused.value.message
        assert not TopicProposal.objects.exists()
