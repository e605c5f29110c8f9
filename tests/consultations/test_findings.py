import datetime as dt

import pytest

from tashawur.consultations.models import RuleFinding
from tashawur.consultations.services import save_consultation
from tashawur.core.errors import NotAllowed
from tests.factories import ConsultationFactory, ConsultationMeetingFactory, MeetingFactory, UserFactory, role

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation():
    """The seed's second consultation, with a deadline 11 days past the one rule 4 allows."""
    chosen = MeetingFactory(number=8, starts_on=dt.date(2016, 10, 13))
    group = chosen.group
    return ConsultationFactory(
        group=group,
        chosen_at=chosen,
        feeds_meeting=MeetingFactory(group=group, number=9, starts_on=dt.date(2017, 2, 6)),
        physical_meeting=ConsultationMeetingFactory(group=group, starts_on=dt.date(2017, 2, 3)),
        opens_on=dt.date(2016, 10, 28),
        response_deadline=dt.date(2017, 1, 15),
        report_published_on=dt.date(2017, 1, 19),
    )


@pytest.fixture
def secretariat(consultation):
    user = UserFactory(username="sec")
    role(user, consultation.group, "secretariat")
    return user


def test_saving_a_schedule_that_breaks_a_rule_keeps_it_and_records_the_breach(consultation, secretariat):
    findings = save_consultation(actor=secretariat, consultation=consultation)

    consultation.refresh_from_db()
    assert consultation.response_deadline == dt.date(2017, 1, 15)  # not silently "fixed"
    assert [(f.rule, f.code, f.days_off) for f in findings if f.severity == "violation"] == [(4, "deadline_late", 11)]
    recorded = RuleFinding.objects.get(consultation=consultation, code="deadline_late")
    assert (recorded.expected, recorded.actual, recorded.days_off) == (dt.date(2017, 1, 4), dt.date(2017, 1, 15), 11)
    assert recorded.detected_by == secretariat
    assert recorded.resolved_at is None


def test_fixing_the_schedule_resolves_the_finding_and_keeps_its_history(consultation, secretariat):
    save_consultation(actor=secretariat, consultation=consultation)
    consultation.response_deadline = dt.date(2017, 1, 4)

    save_consultation(actor=secretariat, consultation=consultation)

    recorded = RuleFinding.objects.get(consultation=consultation, code="deadline_late")
    assert recorded.resolved_at is not None
    assert not RuleFinding.objects.filter(consultation=consultation, severity="violation", resolved_at__isnull=True).exists()


def test_moving_the_date_again_records_a_new_finding_with_the_new_numbers(consultation, secretariat):
    save_consultation(actor=secretariat, consultation=consultation)
    consultation.response_deadline = dt.date(2017, 1, 20)

    save_consultation(actor=secretariat, consultation=consultation)

    rows = RuleFinding.objects.filter(consultation=consultation, code="deadline_late").order_by("pk")
    assert [(row.days_off, row.resolved_at is None) for row in rows] == [(11, False), (16, True)]


def test_saving_twice_does_not_duplicate_findings(consultation, secretariat):
    save_consultation(actor=secretariat, consultation=consultation)
    save_consultation(actor=secretariat, consultation=consultation)

    assert RuleFinding.objects.filter(consultation=consultation, code="deadline_late").count() == 1


def test_only_the_secretariat_saves_a_schedule(consultation):
    delegate = UserFactory()
    role(delegate, consultation.group, "delegate", "SA")

    with pytest.raises(NotAllowed):
        save_consultation(actor=delegate, consultation=consultation)
