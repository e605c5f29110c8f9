import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tashawur.groups.models import Role
from tashawur.meetings.models import Meeting
from tests.factories import MeetingFactory, UserFactory, WorkingGroupFactory, member_state

pytestmark = pytest.mark.django_db


def refused_by_database(instance) -> bool:
    """True once the database has refused to save ``instance`` (pytest fails the test otherwise)."""
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()
    return True


def test_a_delegate_must_represent_a_member_state_and_only_a_delegate_does():
    group, user = WorkingGroupFactory(), UserFactory()

    assert refused_by_database(Role(user=user, group=group, kind="delegate"))
    assert refused_by_database(Role(user=user, group=group, kind="chair", member_state=member_state("SA")))


def test_a_group_has_one_chair():
    group = WorkingGroupFactory()
    Role.objects.create(user=UserFactory(), group=group, kind="chair")

    assert refused_by_database(Role(user=UserFactory(), group=group, kind="chair"))


def test_delegate_of_a_state_outside_the_group_is_refused_with_a_clear_error():
    group = WorkingGroupFactory(members=["SA"])
    delegate = Role(user=UserFactory(), group=group, kind="delegate", member_state=member_state("US"))

    with pytest.raises(ValidationError) as error:
        delegate.full_clean()
    assert "not a member of the group" in str(error.value)


def test_group_rule_settings_default_to_the_seed_numbers():
    settings = WorkingGroupFactory().rule_settings

    assert (settings.launch_within_days, settings.response_deadline_days_before, settings.report_days_before,
            settings.physical_meeting_window_days, settings.proposals_per_state) == (15, 30, 15, 3, 1)


def test_group_time_zone_must_be_a_real_zone():
    group = WorkingGroupFactory.build(code="CWG-X", time_zone="Europe/Geneva")

    with pytest.raises(ValidationError) as error:
        group.full_clean()
    assert "time_zone" in error.value.message_dict


def test_meeting_cannot_end_before_it_starts():
    group = WorkingGroupFactory()

    assert refused_by_database(Meeting(group=group, kind="group", number=1, starts_on=dt.date(2017, 2, 7), ends_on=dt.date(2017, 2, 6)))


def test_group_meetings_are_numbered_once_and_only_they_are_numbered():
    meeting = MeetingFactory(number=8)

    assert refused_by_database(Meeting(group=meeting.group, kind="group", number=8, starts_on=dt.date(2017, 1, 1), ends_on=dt.date(2017, 1, 1)))
    assert refused_by_database(Meeting(group=meeting.group, kind="group", number=None, starts_on=dt.date(2017, 1, 1), ends_on=dt.date(2017, 1, 1)))
    assert refused_by_database(Meeting(group=meeting.group, kind="open_consultation", number=3, starts_on=dt.date(2017, 1, 1), ends_on=dt.date(2017, 1, 1)))


def test_meeting_at_an_external_event_names_the_event():
    group = WorkingGroupFactory()

    assert refused_by_database(Meeting(group=group, kind="external_event", starts_on=dt.date(2017, 6, 13), ends_on=dt.date(2017, 6, 13)))
    Meeting.objects.create(group=group, kind="external_event", event_name="WSIS Forum 2017",
                           starts_on=dt.date(2017, 6, 13), ends_on=dt.date(2017, 6, 13))
