import datetime as dt

import pytest
import time_machine

from tashawur.meetings.models import Attendance
from tashawur.meetings.services import RegistrationDetails, register_for_meeting
from tests.factories import UserFactory, role
from tests.meetings.factories import OpenMeetingFactory

BEFORE_THE_MEETING = dt.datetime(2017, 1, 20, 9, tzinfo=dt.UTC)  # the meeting is on 3 Feb 2017


@pytest.fixture
def before_the_meeting():
    with time_machine.travel(BEFORE_THE_MEETING, tick=False):
        yield


@pytest.fixture
def meeting(db, before_the_meeting):
    return OpenMeetingFactory()


@pytest.fixture
def secretariat(meeting):
    user = UserFactory(username="secretariat", is_staff=True)
    role(user, meeting.group, "secretariat")
    return user


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """Register through the service and send the mails, as a committed request would."""
    def _register(meeting, email, attendance=Attendance.IN_PERSON, **details):
        values = {"name": email.split("@")[0].title(), "country": "KE", "stakeholder_group": "civil_society",
                  **details}
        with django_capture_on_commit_callbacks(execute=True):
            return register_for_meeting(details=RegistrationDetails(
                meeting=meeting, attendance=attendance, email=email, **values,
            )).registration
    return _register
