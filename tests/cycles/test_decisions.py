import pytest

from tashawur.core.errors import NotAllowed
from tashawur.cycles.errors import InvalidDecision
from tashawur.cycles.models import DecisionOutcome
from tashawur.cycles.services import record_decision
from tests.factories import ConsultationMeetingFactory, MeetingFactory, TopicFactory, UserFactory, role

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(number=9)


@pytest.fixture
def chair(meeting):
    user = UserFactory(username="chair")
    role(user, meeting.group, "chair")
    return user


def test_no_consensus_is_recorded_and_referred_to_council_with_candidate_topics(meeting, chair):
    gender = TopicFactory(group=meeting.group, title={"en": "Bridging the gender digital divide"},
                          questions=[{"en": f"Question {n}"} for n in range(1, 6)])
    ott = TopicFactory(group=meeting.group, title={"en": "Public policy considerations for OTTs"})

    decision = record_decision(actor=chair, meeting=meeting, outcome=DecisionOutcome.NO_CONSENSUS, topics=[gender, ott])

    assert decision.referred_to_council
    assert [t.title["en"] for t in decision.topics.order_by("decision_topics__position")] == [
        "Bridging the gender digital divide", "Public policy considerations for OTTs",
    ]
    assert decision.topics.get(pk=gender.pk).questions.count() == 5


def test_adopted_topics_are_not_referred(meeting, chair):
    decision = record_decision(actor=chair, meeting=meeting, outcome="adopted", topics=[TopicFactory(group=meeting.group)])

    assert not decision.referred_to_council


def test_a_delegate_cannot_record_the_decision(meeting):
    delegate = UserFactory()
    role(delegate, meeting.group, "delegate", "SA")

    with pytest.raises(NotAllowed):
        record_decision(actor=delegate, meeting=meeting, outcome="adopted", topics=[TopicFactory(group=meeting.group)])


def test_decision_needs_topics_of_the_same_group_and_only_once(meeting, chair):
    with pytest.raises(InvalidDecision):
        record_decision(actor=chair, meeting=meeting, outcome="adopted", topics=[])
    with pytest.raises(InvalidDecision):
        record_decision(actor=chair, meeting=meeting, outcome="adopted", topics=[TopicFactory()])
    record_decision(actor=chair, meeting=meeting, outcome="adopted", topics=[TopicFactory(group=meeting.group)])
    with pytest.raises(InvalidDecision):
        record_decision(actor=chair, meeting=meeting, outcome="adopted", topics=[TopicFactory(group=meeting.group)])


def test_only_a_group_meeting_takes_decisions(chair, meeting):
    consultation_meeting = ConsultationMeetingFactory(group=meeting.group)

    with pytest.raises(InvalidDecision):
        record_decision(actor=chair, meeting=consultation_meeting, outcome="adopted",
                        topics=[TopicFactory(group=meeting.group)])
