import pytest

from tashawur.groups import permissions
from tests.factories import UserFactory, WorkingGroupFactory, member_state, role

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "stakeholder", "delegate_sa", "chair", "vice_chair", "secretariat", "other_group_secretariat", "superuser"]

# role -> (manage group, propose for SA, propose for RU, record decision, see group-only inputs)
EXPECTED = {
    "anonymous": (False, False, False, False, False),
    "stakeholder": (False, False, False, False, False),
    "delegate_sa": (False, True, False, False, True),
    "chair": (False, False, False, True, True),
    "vice_chair": (False, False, False, True, True),
    "secretariat": (True, True, True, True, True),
    "other_group_secretariat": (False, False, False, False, False),
    "superuser": (True, True, True, True, True),
}


def make_user(kind, group):
    from django.contrib.auth.models import AnonymousUser

    if kind == "anonymous":
        return AnonymousUser()
    user = UserFactory(username=kind, is_superuser=kind == "superuser")
    if kind == "delegate_sa":
        role(user, group, "delegate", "SA")
    elif kind in ("chair", "vice_chair", "secretariat"):
        role(user, group, kind)
    elif kind == "other_group_secretariat":
        role(user, WorkingGroupFactory(code="CWG-Other"), "secretariat")
    return user


@pytest.mark.parametrize("kind", ROLES)
def test_role_matrix(kind):
    group = WorkingGroupFactory(code="CWG-Internet")
    user = make_user(kind, group)

    actual = (
        permissions.can_manage_group(user, group),
        permissions.can_propose_topic(user, group, member_state("SA")),
        permissions.can_propose_topic(user, group, member_state("RU")),
        permissions.can_record_decision(user, group),
        permissions.can_see_group_only_inputs(user, group),
    )

    assert actual == EXPECTED[kind]


def test_inactive_user_loses_every_right():
    group = WorkingGroupFactory()
    user = make_user("secretariat", group)
    user.is_active = False
    user.save()

    assert not permissions.can_manage_group(user, group)
