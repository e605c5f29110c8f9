"""Consultations that receive mail, the .eml corpus, and the outgoing mailbox."""

import datetime as dt
import json
from pathlib import Path

import pytest

from tashawur.mailin.models import ConsultationAlias
from tests.factories import ConsultationFactory, ConsultationMeetingFactory, MeetingFactory, WorkingGroupFactory

CORPUS = Path(__file__).resolve().parent.parent / "data" / "mail"
DOMAIN = "consult.itu.example"
IN_PERIOD = dt.datetime(2016, 12, 1, 9, 30, tzinfo=dt.UTC)  # 10:30 in Geneva


def eml(name: str) -> bytes:
    return (CORPUS / f"{name}.eml").read_bytes()


def attachment_hash(name: str) -> str:
    return json.loads((CORPUS / "attachments.json").read_text())[name]


@pytest.fixture(autouse=True)
def _mail_domain(settings):
    settings.MAIL_DOMAIN = DOMAIN
    settings.DEFAULT_FROM_EMAIL = f"Tashawur <noreply@{DOMAIN}>"


def _consultations():
    # No member states: a transactional test may run after another one flushed the migrations' data.
    group = WorkingGroupFactory(members=[])
    chosen = MeetingFactory(group=group, number=8, starts_on=dt.date(2016, 10, 13))
    common = dict(
        group=group, chosen_at=chosen,
        feeds_meeting=MeetingFactory(group=group, number=9, starts_on=dt.date(2017, 2, 6)),
        physical_meeting=ConsultationMeetingFactory(group=group, starts_on=dt.date(2017, 2, 3)),
        opens_on=dt.date(2016, 10, 28), response_deadline=dt.date(2017, 1, 4),
    )
    development = ConsultationFactory(
        slug="development-aspects", **common,
        topic__title={"en": "Development aspects of the Internet", "ar": "الجوانب الإنمائية للإنترنت"},
        topic__questions=[{"en": "Question 1?", "ar": "السؤال 1؟"}],
    )
    gender = ConsultationFactory(
        slug="gender-divide", **common,
        topic__title={"en": "Bridging the gender digital divide", "ar": "سد الفجوة الرقمية بين الجنسين"},
    )
    ConsultationAlias.objects.create(consultation=development, address="CWG-Internet@itu.example")
    return development, gender


@pytest.fixture
def consultations(db):
    """Two consultations open 28 Oct 2016 – 4 Jan 2017 (Geneva); the first also answers at an alias."""
    return _consultations()


@pytest.fixture
def committed_consultations(transactional_db):
    """The same, committed, for tests where other threads or processes read the database."""
    return _consultations()
