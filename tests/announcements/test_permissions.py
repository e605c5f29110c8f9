import pytest

from tashawur.announcements.models import ContactList
from tashawur.announcements.permissions import can_announce, can_manage_contacts, groups_managed_by
from tests.factories import UserFactory, WorkingGroupFactory, role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("kind", "allowed"), [
    ("secretariat", True), ("chair", False), ("vice_chair", False), ("delegate", False), (None, False),
])
def test_only_the_secretariat_of_the_group_manages_contacts_and_announces(consultation, kind, allowed):
    user = UserFactory()
    if kind:
        role(user, consultation.group, kind, "FR" if kind == "delegate" else None)
    contact_list = ContactList.objects.create(group=consultation.group, name="List")

    assert can_manage_contacts(user, consultation.group) is allowed
    assert can_announce(user, consultation, contact_list) is allowed
    assert groups_managed_by(user).exists() is allowed


def test_the_secretariat_of_another_group_can_neither_use_its_list_nor_announce_its_consultation(consultation):
    other_group = WorkingGroupFactory()
    outsider = UserFactory()
    role(outsider, other_group, "secretariat")
    own_list = ContactList.objects.create(group=other_group, name="Mine")
    their_list = ContactList.objects.create(group=consultation.group, name="Theirs")

    assert not can_manage_contacts(outsider, consultation.group)
    assert not can_announce(outsider, consultation, own_list)
    assert list(groups_managed_by(outsider)) == [other_group]
    assert not can_manage_contacts(outsider, their_list.group)


def test_a_superuser_may_do_everything_and_an_anonymous_visitor_nothing(consultation):
    from django.contrib.auth.models import AnonymousUser

    superuser = UserFactory(is_superuser=True)

    assert can_announce(superuser, consultation) and groups_managed_by(superuser).count() == 1
    assert not can_announce(AnonymousUser(), consultation) and not groups_managed_by(AnonymousUser()).exists()
