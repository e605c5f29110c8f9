import datetime as dt

import pytest

from tashawur.announcements.models import Contact, ContactList
from tashawur.announcements.sending import deliver_batch
from tests.factories import ConsultationFactory, ConsultationMeetingFactory, MeetingFactory, UserFactory, role

NOW = dt.datetime(2016, 11, 1, 9, 0, tzinfo=dt.UTC)


class FakeClock:
    """A clock that only moves when the sender sleeps (or the test moves it): pacing without waiting."""

    def __init__(self, start=NOW):
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self):
        return self.now

    def sleep(self, seconds: float):
        self.sleeps.append(round(seconds, 6))
        self.now += dt.timedelta(seconds=seconds)

    def advance(self, seconds: float):
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def consultation(db):
    """'Development aspects of the Internet' (seed 003): open 28 Oct 2016 – 4 Jan 2017, Geneva time."""
    chosen = MeetingFactory(number=8, starts_on=dt.date(2016, 10, 13))
    group = chosen.group
    group.name = {"en": "Council Working Group on International Internet-related Public Policy Issues",
                  "ar": "فريق العمل التابع للمجلس المعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت"}
    group.save()
    return ConsultationFactory(
        group=group, slug="development-aspects", chosen_at=chosen,
        feeds_meeting=MeetingFactory(group=group, number=9, starts_on=dt.date(2017, 2, 6)),
        physical_meeting=ConsultationMeetingFactory(group=group, starts_on=dt.date(2017, 2, 3)),
        opens_on=dt.date(2016, 10, 28), response_deadline=dt.date(2017, 1, 4),
        topic__title={"en": "Development aspects of the Internet", "ar": "الجوانب الإنمائية للإنترنت",
                      "fr": "Aspects de l'Internet liés au développement"},
        topic__questions=[
            {"en": "What are the main barriers to Internet access?",
             "ar": "ما هي العوائق الرئيسية أمام النفاذ إلى الإنترنت؟"},
            {"en": "Which policies have worked in your country?", "ar": "ما هي السياسات التي نجحت في بلدكم؟"},
        ],
    )


@pytest.fixture
def secretariat(consultation):
    user = UserFactory(username="secretariat-user")
    role(user, consultation.group, "secretariat")
    return user


@pytest.fixture
def contact_list(consultation, secretariat):
    return ContactList.objects.create(group=consultation.group, name="Civil society organisations", created_by=secretariat)


def add_contacts(contact_list, count, languages=("en",)):
    return Contact.objects.bulk_create(
        Contact(contact_list=contact_list, email=f"contact{n:03d}@example.org", name=f"Contact {n}",
                language=languages[n % len(languages)])
        for n in range(count)
    )


def drain(announcement, clock, **options):
    """Run batches until the announcement has nothing left to send, as the worker's chain of tasks would."""
    outcomes = []
    while True:
        outcome = deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep, **options)
        outcomes.append(outcome)
        if not outcome.more:
            return outcomes
        if outcome.resume_at > clock.now:
            clock.now = outcome.resume_at
