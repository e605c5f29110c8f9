"""Meetings with registration open, sessions and captions, oral statements (factory-boy and the ORM)."""

import datetime as dt
import itertools

import factory

from tashawur.meetings.models import MeetingSession
from tashawur.responses.models import Response
from tests.factories import ConsultationMeetingFactory

_numbers = itertools.count(1)


class OpenMeetingFactory(ConsultationMeetingFactory):
    """The physical open consultation meeting of 3 Feb 2017 (seed 003), with two places in the room."""

    starts_on = dt.date(2017, 2, 3)
    title = {"en": "Open consultation on development aspects of the Internet",
             "ar": "المشاورة المفتوحة بشأن الجوانب الإنمائية للإنترنت"}
    venue = "ITU headquarters, Popov room"
    city = "Geneva"
    registration_open = True
    in_person_capacity = 2
    remote_participation_url = "https://meet.example.org/cwg-internet-oc"
    webcast_url = "https://webcast.example.org/cwg-internet-oc"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSession

    meeting = factory.SubFactory(OpenMeetingFactory)
    title = {"en": "Morning session", "ar": "الجلسة الصباحية"}
    starts_at = dt.datetime(2017, 2, 3, 9, 30, tzinfo=dt.UTC)
    ends_at = dt.datetime(2017, 2, 3, 12, 30, tzinfo=dt.UTC)
    recording_url = "https://media.example.org/oc-2017-02-03-morning.mp4"


def oral_statement(consultation, meeting, *, name="Nnenna Example", body="Affordability comes first.",
                   publication="named", status="published") -> Response:
    number = next(_numbers)
    return Response.objects.create(
        consultation=consultation, meeting=meeting, channel="oral", status=status, publication=publication,
        receipt_number=f"R-M{number:03d}-{number:04d}", author_name=name, organisation="Example Society",
        country="NG", stakeholder_group="civil_society", language="en", body=body,
        received_at=dt.datetime(2017, 2, 3, 10, number % 60, tzinfo=dt.UTC),
    )
