"""The confirmation mail: sent by Django mail, marked automatic, with the meeting as a parseable .ics file."""

import datetime as dt
from email import message_from_bytes
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from icalendar import Calendar

from tashawur.meetings.models import RegistrationMail
from tashawur.meetings.services import send_registration_mail
from tashawur.meetings.tokens import registration_token
from tests.meetings.factories import OpenMeetingFactory

pytestmark = pytest.mark.django_db


def attached_calendar(message) -> Calendar:
    (filename, content, mimetype), = message.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    return Calendar.from_ical(content)


def only_event(calendar: Calendar):
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def test_the_confirmation_is_an_automatic_mail_with_the_link_to_the_registration(meeting, register):
    registration = register(meeting, "amina@example.org")

    (message,) = mail.outbox
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "is confirmed" in message.subject and "Open consultation on development aspects" in message.subject
    own = f"/meetings/{meeting.pk}/registrations/{registration.pk}/{registration_token(registration)}/"
    assert settings.PUBLIC_BASE_URL + own in message.body
    raw = message_from_bytes(message.message().as_bytes())
    assert raw["Auto-Submitted"] == "auto-generated"
    assert [part.get_content_type() for part in raw.walk()][-1] == "text/calendar"


def test_the_calendar_file_holds_the_meeting_as_whole_days_with_a_stable_uid(meeting, register):
    register(meeting, "amina@example.org")
    register(meeting, "omar@example.org")

    events = [only_event(attached_calendar(message)) for message in mail.outbox]

    assert {str(event["UID"]) for event in events} == {f"meeting-{meeting.pk}@{settings.MAIL_DOMAIN}"}
    event = events[0]
    assert event.decoded("DTSTART") == dt.date(2017, 2, 3)
    assert event.decoded("DTEND") == dt.date(2017, 2, 4)  # exclusive: the meeting is one day
    assert str(event["SUMMARY"]) == "Open consultation on development aspects of the Internet"
    assert "Geneva" in str(event["LOCATION"])
    assert str(event["URL"]) == f"{settings.PUBLIC_BASE_URL}/meetings/{meeting.pk}/"


def test_a_meeting_with_daily_times_is_a_timed_event_in_the_groups_time_zone(db, before_the_meeting, register):
    meeting = OpenMeetingFactory(
        starts_on=dt.date(2017, 2, 3), ends_on=dt.date(2017, 2, 4),
        daily_starts_at=dt.time(9, 30), daily_ends_at=dt.time(17, 30),
    )
    register(meeting, "amina@example.org")

    calendar = attached_calendar(mail.outbox[0])
    event = only_event(calendar)

    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == dt.datetime(2017, 2, 3, 9, 30, tzinfo=ZoneInfo("Europe/Zurich"))
    assert end == dt.datetime(2017, 2, 3, 17, 30, tzinfo=ZoneInfo("Europe/Zurich"))
    assert event["DTSTART"].params["TZID"] == "Europe/Zurich"
    assert dict(event.decoded("RRULE")) == {"FREQ": ["DAILY"], "COUNT": [2]}
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Zurich"]


def test_the_mail_is_written_in_the_language_the_person_registered_in(meeting, register):
    register(meeting, "amina@example.org", language="ar")

    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "ar"
    assert "المشاورة المفتوحة" in message.subject  # the meeting's Arabic title
    assert "المشاورة المفتوحة" in str(only_event(attached_calendar(message))["SUMMARY"])


def test_a_mail_that_could_not_be_sent_is_kept_with_its_error_and_sent_later(meeting, register):
    with override_settings(EMAIL_BACKEND="tests.meetings.test_mail_calendar.BrokenBackend"):
        register(meeting, "amina@example.org")
    recorded = RegistrationMail.objects.get()
    assert recorded.sent_at is None and "relay refused" in recorded.error

    send_registration_mail(recorded.pk)

    recorded.refresh_from_db()
    assert recorded.sent_at is not None and recorded.error == ""
    assert len(mail.outbox) == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("relay refused")
