"""Who may state a member state's position (Res. 1336 rule 10), as a matrix of roles × actions."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from tashawur.core.errors import NotAllowed
from tashawur.positions.models import PositionStatement
from tashawur.positions.permissions import can_state_position
from tashawur.positions.services import state_position
from tests.factories import TopicFactory, UserFactory, WorkingGroupFactory, member_state, role
from tests.policy.builders import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """CWG-A handles the issue; CWG-B does not. France and Kenya are members of both."""
    handling = WorkingGroupFactory(code="CWG-A", members=["FR", "KE"])
    other = WorkingGroupFactory(code="CWG-B", members=["FR", "KE"])
    subject = issue("spam", groups=[handling])
    users = {"anonymous": AnonymousUser(), "stakeholder": UserFactory(username="stakeholder")}
    for name, group, kind, state in [
        ("delegate of France", handling, "delegate", "FR"),
        ("delegate of Kenya", handling, "delegate", "KE"),
        ("delegate of France in a group not handling the issue", other, "delegate", "FR"),
        ("secretariat", handling, "secretariat", None),
        ("secretariat of another group", other, "secretariat", None),
        ("chair", handling, "chair", None),
    ]:
        users[name] = UserFactory(username=name.replace(" ", "-"))
        role(users[name], group, kind, state)
    users["superuser"] = UserFactory(username="root", is_superuser=True, is_staff=True)
    inactive = UserFactory(username="inactive", is_active=False)
    role(inactive, handling, "delegate", "FR")
    users["inactive delegate of France"] = inactive
    return {"users": users, "issue": subject, "handling": handling}


# Who may write France's position on an issue handled by CWG-A.
EXPECTED = {
    "anonymous": False,
    "stakeholder": False,
    "delegate of France": True,
    "delegate of Kenya": False,
    "delegate of France in a group not handling the issue": False,
    "secretariat": True,
    "secretariat of another group": False,
    "chair": False,
    "superuser": True,
    "inactive delegate of France": False,
}


@pytest.mark.parametrize(("who", "allowed"), EXPECTED.items())
def test_who_may_state_the_position_of_france(world, who, allowed):
    user = world["users"][who]
    assert can_state_position(user, member_state("FR"), issue=world["issue"]) is allowed


@pytest.mark.parametrize(("who", "allowed"), EXPECTED.items())
def test_the_service_enforces_the_same_rule(world, who, allowed):
    call = lambda: state_position(  # noqa: E731
        actor=world["users"][who], member_state=member_state("FR"), issue=world["issue"],
        text="Our position.", language="en", stated_on=dt.date(2017, 2, 6),
    )
    if allowed:
        assert call().is_current
    else:
        with pytest.raises(NotAllowed):
            call()
        assert not PositionStatement.objects.exists()


def test_a_delegate_cannot_write_another_states_position(world):
    kenya = world["users"]["delegate of Kenya"]
    with pytest.raises(NotAllowed):
        state_position(actor=kenya, member_state=member_state("FR"), issue=world["issue"], text="Not ours.",
                       language="en", stated_on=dt.date(2017, 2, 6))
    assert state_position(actor=kenya, member_state=member_state("KE"), issue=world["issue"], text="Ours.",
                          language="en", stated_on=dt.date(2017, 2, 6)).member_state.code == "KE"


def test_a_topic_position_is_written_by_a_delegate_in_the_topics_group(world):
    topic = TopicFactory(group=world["handling"])
    france = world["users"]["delegate of France"]
    assert can_state_position(france, member_state("FR"), topic=topic)
    elsewhere = TopicFactory(group=WorkingGroupFactory(code="CWG-C", members=["FR"]))
    assert not can_state_position(france, member_state("FR"), topic=elsewhere)


def test_the_form_refuses_another_states_delegate_with_403(world, client):
    client.force_login(world["users"]["delegate of Kenya"])
    response = client.post(f"/positions/FR/issues/{world['issue'].slug}/state/",
                           {"text": "Not ours.", "stated_on": "2017-02-06", "language": "en"})
    assert response.status_code == 403
    assert not PositionStatement.objects.exists()
