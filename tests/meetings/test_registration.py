"""Registration to attend in person or remotely: places, the waiting list, cancellation, one address once."""

import datetime as dt
import threading

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError, close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from tashawur.core.errors import NotAllowed
from tashawur.meetings import selectors
from tashawur.meetings.errors import AlreadyRegistered, AttendanceNotOffered, RegistrationClosed
from tashawur.meetings.models import Attendance, Registration, RegistrationMail, RegistrationStatus
from tashawur.meetings.services import (
    RegistrationDetails, cancel_registration, fill_places, register_for_meeting,
)
from tests.factories import UserFactory
from tests.meetings.factories import OpenMeetingFactory

pytestmark = pytest.mark.django_db


def test_a_registration_gets_a_place_while_the_room_has_one(meeting, register):
    registration = register(meeting, "amina@example.org")

    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.place_confirmed_at is not None
    assert selectors.places(meeting)["in_person"].left == 1
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]


def test_when_the_room_is_full_registrations_join_the_waiting_list_in_order(meeting, register):
    register(meeting, "first@example.org")
    register(meeting, "second@example.org")

    third = register(meeting, "third@example.org")
    fourth = register(meeting, "fourth@example.org")

    assert (third.status, fourth.status) == (RegistrationStatus.WAITING, RegistrationStatus.WAITING)
    assert (selectors.waiting_position(third), selectors.waiting_position(fourth)) == (1, 2)
    places = selectors.places(meeting)["in_person"]
    assert (places.full, places.confirmed, places.waiting) == (True, 2, 2)
    assert "number 1 on the waiting list" in mail.outbox[2].body
    assert not mail.outbox[2].attachments  # no calendar entry until a place is confirmed


def test_a_cancellation_gives_the_place_to_the_first_person_waiting_and_mails_them(
    meeting, register, django_capture_on_commit_callbacks,
):
    first = register(meeting, "first@example.org")
    register(meeting, "second@example.org")
    third = register(meeting, "third@example.org")
    fourth = register(meeting, "fourth@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_registration(registration=first) is True

    first.refresh_from_db()
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED and first.cancelled_at is not None
    assert third.status == RegistrationStatus.CONFIRMED
    assert fourth.status == RegistrationStatus.WAITING and selectors.waiting_position(fourth) == 1
    assert [message.to for message in mail.outbox] == [["third@example.org"]]
    assert "now yours" in mail.outbox[0].subject
    assert mail.outbox[0].attachments[0][2] == "text/calendar"


def test_cancelling_twice_changes_nothing_the_second_time(meeting, register, django_capture_on_commit_callbacks):
    first = register(meeting, "first@example.org")
    register(meeting, "second@example.org")
    register(meeting, "third@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_registration(registration=first) is True
        assert cancel_registration(registration=first) is False

    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 2
    assert RegistrationMail.objects.filter(kind="promoted").count() == 1


def test_the_same_address_is_refused_a_second_registration_with_a_clear_message(meeting, register):
    register(meeting, "amina@example.org")

    with pytest.raises(AlreadyRegistered) as refusal:
        register(meeting, "  Amina@Example.ORG ", attendance=Attendance.REMOTE)

    assert "already registered for this meeting" in refusal.value.message
    assert "link to see or cancel your registration" in refusal.value.message
    assert Registration.objects.count() == 1


def test_the_database_holds_one_registration_per_address_per_meeting(meeting, register):
    registration = register(meeting, "amina@example.org")
    registration.pk = None
    registration.idempotency_key = None

    with pytest.raises(IntegrityError):
        registration.save()


def test_after_cancelling_the_same_address_may_register_again(meeting, register):
    first = register(meeting, "amina@example.org")
    cancel_registration(registration=first)

    again = register(meeting, "amina@example.org")

    assert again.pk != first.pk and again.status == RegistrationStatus.CONFIRMED


def test_remote_participation_has_no_limit_unless_the_secretariat_sets_one(meeting, register):
    register(meeting, "first@example.org")
    register(meeting, "second@example.org")

    remote = [register(meeting, f"remote{n}@example.org", attendance=Attendance.REMOTE) for n in range(5)]

    assert {registration.status for registration in remote} == {RegistrationStatus.CONFIRMED}


def test_remote_places_have_their_own_waiting_list_when_limited(db, before_the_meeting, register):
    meeting = OpenMeetingFactory(remote_capacity=1)
    register(meeting, "remote1@example.org", attendance=Attendance.REMOTE)

    waiting = register(meeting, "remote2@example.org", attendance=Attendance.REMOTE)
    in_person = register(meeting, "room@example.org")

    assert waiting.status == RegistrationStatus.WAITING
    assert in_person.status == RegistrationStatus.CONFIRMED


def test_remote_registration_is_refused_when_the_meeting_offers_none(db, before_the_meeting, register):
    meeting = OpenMeetingFactory(remote_participation=False)

    with pytest.raises(AttendanceNotOffered):
        register(meeting, "remote@example.org", attendance=Attendance.REMOTE)


def test_registration_is_refused_when_not_open_or_after_the_meeting(db, register):
    with time_machine.travel(dt.datetime(2017, 1, 20, 9, tzinfo=dt.UTC), tick=False):
        with pytest.raises(RegistrationClosed):
            register(OpenMeetingFactory(registration_open=False), "early@example.org")
    meeting = OpenMeetingFactory()
    # 3 Feb 2017 ends at midnight in Geneva, 23:00 UTC: registration stays open until then.
    with time_machine.travel(dt.datetime(2017, 2, 3, 22, 30, tzinfo=dt.UTC), tick=False):
        assert register(meeting, "last-minute@example.org").status == RegistrationStatus.CONFIRMED
    with time_machine.travel(dt.datetime(2017, 2, 3, 23, 30, tzinfo=dt.UTC), tick=False):
        with pytest.raises(RegistrationClosed):
            register(meeting, "late@example.org")


def test_the_same_form_sent_twice_registers_once_and_mails_once(meeting, register):
    first = register(meeting, "amina@example.org", idempotency_key="web:8c8b4c0e-0000-4000-8000-000000000001")
    second = register(meeting, "amina@example.org", idempotency_key="web:8c8b4c0e-0000-4000-8000-000000000001")

    assert first.pk == second.pk
    assert len(mail.outbox) == 1


def test_nobody_jumps_the_waiting_list_when_places_are_added(meeting, register, secretariat,
                                                              django_capture_on_commit_callbacks):
    for name in ("first", "second", "third", "fourth"):
        register(meeting, f"{name}@example.org")
    meeting.in_person_capacity = 3
    meeting.save()

    newcomer = register(meeting, "newcomer@example.org")
    assert newcomer.status == RegistrationStatus.WAITING  # two people were waiting before them
    with django_capture_on_commit_callbacks(execute=True):
        promoted = fill_places(meeting=meeting, actor=secretariat)

    assert [registration.email for registration in promoted] == ["third@example.org"]


def test_only_the_secretariat_adds_places(meeting):
    with pytest.raises(NotAllowed):
        fill_places(meeting=meeting, actor=UserFactory())


def test_a_registration_records_the_accessibility_needs(meeting, register):
    registration = register(
        meeting, "amina@example.org", needs_captioning=True, needs_sign_language=True,
        sign_language="International Sign", needs_step_free_access=True, other_needs="Large print",
    )

    assert registration.needs == [
        "captioning", "sign language interpretation (International Sign)", "step-free access",
    ]
    assert "Large print" in mail.outbox[0].body
    assert "International Sign" in mail.outbox[0].body


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks")
def test_registration_locks_the_meeting_row_before_counting_places(meeting):
    with CaptureQueriesContext(connection) as queries:
        register_for_meeting(details=RegistrationDetails(
            meeting=meeting, attendance=Attendance.IN_PERSON, name="Amina", email="amina@example.org",
            country="KE", stakeholder_group="civil_society",
        ))

    statements = [query["sql"] for query in queries.captured_queries]
    lock = next(index for index, sql in enumerate(statements) if "FOR UPDATE" in sql and "meetings_meeting" in sql)
    count = next(index for index, sql in enumerate(statements) if "COUNT(" in sql and "meetings_registration" in sql)
    assert lock < count


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_people_registering_at_the_same_moment_never_take_more_places_than_there_are():
    meeting = OpenMeetingFactory(in_person_capacity=3, group__members=[])  # needs no data a flush may have removed
    start = threading.Barrier(12)
    errors = []

    def attempt(number):
        try:
            start.wait()
            register_for_meeting(details=RegistrationDetails(
                meeting=meeting, attendance=Attendance.IN_PERSON, name=f"Person {number}",
                email=f"person{number}@example.org", country="KE", stakeholder_group="civil_society",
            ))
        except Exception as exc:  # collected and shown by the assertion below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=attempt, args=(number,)) for number in range(12)]
    with time_machine.travel(dt.datetime(2017, 1, 20, 9, tzinfo=dt.UTC), tick=True):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == []
    statuses = list(Registration.objects.filter(meeting=meeting).values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == 3
    assert statuses.count(RegistrationStatus.WAITING) == 9
