"""The secretariat's side: who may manage a meeting, and the admin pages that go through the services."""

import pytest
from django.core import mail

from tashawur.meetings import permissions
from tashawur.meetings.models import Registration, RegistrationStatus, StatementPlace
from tests.factories import ConsultationFactory, UserFactory, role
from tests.meetings.factories import SessionFactory, oral_statement

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("kind", "allowed"), [
    ("secretariat", True), ("chair", False), ("vice_chair", False), ("delegate", False), (None, False),
])
def test_only_the_groups_secretariat_manages_its_meetings(meeting, kind, allowed):
    user = UserFactory()
    if kind:
        role(user, meeting.group, kind, state="KE" if kind == "delegate" else None)

    assert permissions.can_manage_meeting(user, meeting) is allowed


def test_the_secretariat_of_another_group_does_not_manage_this_meeting(meeting):
    other = UserFactory()
    role(other, ConsultationFactory().group, "secretariat")

    assert permissions.can_manage_meeting(other, meeting) is False


@pytest.fixture
def admin_client(client, secretariat):
    secretariat.is_superuser = True
    secretariat.save()
    client.force_login(secretariat)
    return client


def test_more_places_in_the_admin_go_to_the_people_waiting(meeting, register, admin_client,
                                                            django_capture_on_commit_callbacks):
    for name in ("first", "second", "third"):
        register(meeting, f"{name}@example.org")
    mail.outbox.clear()
    page = admin_client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "title"}
    data.update({f"title_{index}": "" for index in range(6)})
    data.update({"title_2": "Open consultation", "in_person_capacity": "3", "links_visibility": "registered",
                 "kind": meeting.kind, "group": meeting.group_id, "starts_on": "2017-02-03", "ends_on": "2017-02-03",
                 "sessions-TOTAL_FORMS": "0", "sessions-INITIAL_FORMS": "0"})
    for flag in ("remote_participation", "webcast", "captioning", "registration_open"):
        data[flag] = "on"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Registration.objects.get(email="third@example.org").status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mail.outbox] == [["third@example.org"]]


def test_the_cancel_action_gives_the_place_to_the_first_waiting(meeting, register, admin_client,
                                                                django_capture_on_commit_callbacks):
    first = register(meeting, "first@example.org")
    register(meeting, "second@example.org")
    register(meeting, "third@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/meetings/registration/", {"action": "cancel_selected", "_selected_action": [first.pk]})

    assert Registration.objects.get(email="third@example.org").status == RegistrationStatus.CONFIRMED


def test_the_admin_pages_of_meetings_open(meeting, register, admin_client):
    register(meeting, "amina@example.org", needs_captioning=True)
    session = SessionFactory(meeting=meeting)

    for path in ("/admin/meetings/meeting/", f"/admin/meetings/meeting/{meeting.pk}/change/",
                 "/admin/meetings/registration/", "/admin/meetings/registrationmail/",
                 f"/admin/meetings/meetingsession/{session.pk}/change/", "/admin/meetings/statementplace/add/"):
        assert admin_client.get(path).status_code == 200, path
    summary = admin_client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert "In person: 1 · remotely: 0 · waiting: 0 · asking for captioning: 1" in summary


def test_a_statement_is_placed_in_the_transcript_from_the_admin_with_a_time(meeting, admin_client):
    session = SessionFactory(meeting=meeting)
    consultation = ConsultationFactory(group=meeting.group, physical_meeting=meeting)
    statement = oral_statement(consultation, meeting)
    elsewhere = oral_statement(consultation, SessionFactory().meeting)

    refused = admin_client.post("/admin/meetings/statementplace/add/",
                                {"response": elsewhere.pk, "session": session.pk, "starts_at_ms": "00:01:05"})
    placed = admin_client.post("/admin/meetings/statementplace/add/",
                               {"response": statement.pk, "session": session.pk, "starts_at_ms": "00:01:05"})

    assert "Only an oral statement made at this meeting" in refused.content.decode()
    assert placed.status_code == 302
    assert StatementPlace.objects.get().starts_at_ms == 65000
