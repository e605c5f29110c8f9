import datetime as dt

import pytest

from tests.factories import ConsultationFactory, ConsultationMeetingFactory, MeetingFactory, UserFactory, role


@pytest.fixture
def open_consultation(db):
    """A consultation open from 28 Oct 2016 to 4 Jan 2017 (Geneva time), with three questions."""
    chosen = MeetingFactory(number=8, starts_on=dt.date(2016, 10, 13))
    group = chosen.group
    consultation = ConsultationFactory(
        group=group, slug="development-aspects", chosen_at=chosen,
        feeds_meeting=MeetingFactory(group=group, number=9, starts_on=dt.date(2017, 2, 6)),
        physical_meeting=ConsultationMeetingFactory(group=group, starts_on=dt.date(2017, 2, 3)),
        opens_on=dt.date(2016, 10, 28), response_deadline=dt.date(2017, 1, 4),
        topic__title={"en": "Development aspects of the Internet", "ar": "الجوانب الإنمائية للإنترنت"},
        topic__questions=[{"en": f"Question {n}?", "ar": f"السؤال {n}؟"} for n in (1, 2, 3)],
    )
    return consultation


@pytest.fixture
def secretariat(open_consultation):
    user = UserFactory(username="secretariat-user")
    role(user, open_consultation.group, "secretariat")
    return user
