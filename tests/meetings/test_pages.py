"""The meeting pages through the Django test client: list, page, registration form, the registrant's secret link."""

import datetime as dt
import re
from html import unescape

import pytest
from django.core import mail

from tashawur.meetings.models import LinksVisibility, MeetingKind, Registration, RegistrationStatus
from tashawur.meetings.tokens import registration_token
from tests.meetings.factories import OpenMeetingFactory

pytestmark = pytest.mark.django_db

REMOTE_URL = "https://meet.example.org/cwg-internet-oc"
WEBCAST_URL = "https://webcast.example.org/cwg-internet-oc"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def _post(path, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, data or {})
    return _post


def form_data(**changes):
    return {"attendance": "in_person", "name": "Amina Example", "email": "amina@example.org",
            "organisation": "Example Society", "country": "KE", "stakeholder_group": "civil_society",
            "form_token": "0c4d7a8e-5f1b-4a8e-9a52-6a3c1f4e2b10", **changes}


def own_url(registration) -> str:
    return f"/meetings/{registration.meeting_id}/registrations/{registration.pk}/{registration_token(registration)}/"


def text(page) -> str:
    return unescape(re.sub(r"\s+", " ", page.content.decode()))


# --- the public pages ------------------------------------------------------------------------

def test_the_list_shows_upcoming_and_past_meetings_including_those_at_external_events(
    meeting, client, django_assert_max_num_queries,
):
    OpenMeetingFactory(kind=MeetingKind.EXTERNAL_EVENT, event_name="WSIS Forum 2017", starts_on=dt.date(2017, 6, 12),
                       title={"en": "Consultation at the WSIS Forum"})
    OpenMeetingFactory(starts_on=dt.date(2016, 10, 11), title={"en": "Open consultation on Internet access"})

    with django_assert_max_num_queries(3):
        page = client.get("/meetings/")

    body = text(page)
    assert page.status_code == 200
    upcoming, past = body.split("Past meetings")
    assert "Open consultation on development aspects" in upcoming and "WSIS Forum 2017" in upcoming
    assert "Open consultation on Internet access" in past


def test_a_meeting_at_an_external_event_has_the_same_page_and_registration(db, before_the_meeting, client):
    meeting = OpenMeetingFactory(kind=MeetingKind.EXTERNAL_EVENT, event_name="WSIS Forum 2017",
                                 event_url="https://www.itu.int/wsis/forum/2017/")

    page = text(client.get(f"/meetings/{meeting.pk}/"))

    assert "follows that event's rules (rule 7)" in page
    assert 'href="https://www.itu.int/wsis/forum/2017/"' in page
    assert f'href="/meetings/{meeting.pk}/register/"' in page


def test_the_meeting_page_shows_places_left_and_the_accessibility_arrangements(meeting, client, register):
    register(meeting, "first@example.org")

    page = text(client.get(f"/meetings/{meeting.pk}/"))

    assert "1 place left of 2." in page
    assert "The meeting is webcast." in page and "The meeting is captioned" in page
    assert "You can ask for captioning, sign language interpretation or step-free access" in page


def test_the_public_calendar_file_is_the_meeting(meeting, client):
    response = client.get(f"/meetings/{meeting.pk}/meeting.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f"UID:meeting-{meeting.pk}@".encode() in response.content


def test_pages_in_arabic_are_right_to_left(meeting, client, register):
    registration = register(meeting, "amina@example.org")
    client.cookies["django_language"] = "ar"

    for path in ("/meetings/", f"/meetings/{meeting.pk}/", f"/meetings/{meeting.pk}/register/", own_url(registration),
                 f"/meetings/{meeting.pk}/statements/"):
        html = client.get(path).content.decode()
        assert re.search(r'<html lang="ar" dir="rtl">', html), path
    assert 'lang="ar" dir="rtl">المشاورة المفتوحة' in client.get(f"/meetings/{meeting.pk}/").content.decode()


# --- the registration form -------------------------------------------------------------------

def test_registering_on_the_web_confirms_the_place_and_mails_the_link(meeting, post):
    page = post(f"/meetings/{meeting.pk}/register/", form_data(needs_captioning="on", sign_language="International Sign"))

    assert page.status_code == 200
    assert "Your place in the room is confirmed." in text(page)
    registration = Registration.objects.get()
    assert registration.needs_captioning and registration.needs_sign_language
    assert registration.language == "en"
    assert own_url(registration) in mail.outbox[0].body
    assert own_url(registration) not in page.content.decode()  # the link proves the address: mail only


def test_when_the_room_is_full_the_form_puts_people_on_the_waiting_list(meeting, register, post):
    register(meeting, "first@example.org")
    register(meeting, "second@example.org")

    page = post(f"/meetings/{meeting.pk}/register/", form_data())

    assert "You are number 1 on the waiting list." in text(page)


def test_a_second_registration_with_the_same_address_is_refused_on_the_form(meeting, register, post):
    register(meeting, "amina@example.org")

    page = post(f"/meetings/{meeting.pk}/register/", form_data(email="AMINA@example.org"))

    assert page.status_code == 409
    html = page.content.decode()
    assert "This e-mail address is already registered for this meeting." in unescape(html)
    assert re.search(r'<input type="email" name="email"[^>]*aria-describedby="id_email_helptext id_email_error"', html)
    assert 'id="id_email_error"' in html


def test_form_errors_are_tied_to_their_fields(meeting, post):
    page = post(f"/meetings/{meeting.pk}/register/", form_data(name="", country=""))

    html = page.content.decode()
    assert page.status_code == 400
    assert re.search(r'<input type="text" name="name"[^>]*aria-invalid="true"[^>]*aria-describedby="id_name_error"', html)
    assert '<a href="#id_country">Country</a>' in html
    assert not Registration.objects.exists()


def test_the_form_offers_remote_participation_only_when_the_meeting_has_it(db, before_the_meeting, client):
    meeting = OpenMeetingFactory(remote_participation=False)

    html = client.get(f"/meetings/{meeting.pk}/register/").content.decode()

    assert 'value="in_person"' in html and 'value="remote"' not in html


def test_the_form_is_not_offered_when_registration_is_closed(db, before_the_meeting, client):
    meeting = OpenMeetingFactory(registration_open=False)

    assert "Registration is closed" in text(client.get(f"/meetings/{meeting.pk}/register/"))
    assert client.post(f"/meetings/{meeting.pk}/register/", form_data()).status_code == 403


# --- the secret link ---------------------------------------------------------------------------

def test_the_secret_link_shows_the_registration_and_is_neither_cached_nor_indexed(meeting, register, client):
    registration = register(meeting, "amina@example.org", needs_step_free_access=True)

    page = client.get(own_url(registration))

    assert page.status_code == 200
    assert "Your place in the room is confirmed." in text(page) and "step-free access" in text(page)
    assert page["Referrer-Policy"] == "no-referrer"
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in page["Cache-Control"]


def test_a_wrong_token_finds_nothing(meeting, register, client):
    registration = register(meeting, "amina@example.org")

    assert client.get(f"/meetings/{meeting.pk}/registrations/{registration.pk}/{'0' * 32}/").status_code == 404


def test_cancelling_through_the_link_asks_first_then_gives_the_place_to_the_first_waiting(meeting, register, client,
                                                                                         post):
    first = register(meeting, "first@example.org")
    register(meeting, "second@example.org")
    waiting = register(meeting, "waiting@example.org")
    mail.outbox.clear()

    client.get(own_url(first) + "cancel/")  # a mail scanner following the link changes nothing
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED

    page = post(own_url(first) + "cancel/")

    assert page.status_code == 302 and page["Location"] == own_url(first)
    assert "This registration is cancelled." in text(client.get(own_url(first)))
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mail.outbox] == [["waiting@example.org"]]
    assert own_url(waiting) in mail.outbox[0].body


# --- who sees the remote participation and webcast links ----------------------------------------

def test_links_for_registered_participants_are_not_on_the_public_page(meeting, client):
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()

    assert REMOTE_URL not in html and WEBCAST_URL not in html
    assert "given to registered participants" in html


def test_a_confirmed_participant_sees_both_links_through_their_secret_link(meeting, register, client):
    html = client.get(own_url(register(meeting, "amina@example.org"))).content.decode()

    assert REMOTE_URL in html and WEBCAST_URL in html


def test_a_person_waiting_sees_the_webcast_but_not_the_remote_participation_link(meeting, register, client):
    register(meeting, "first@example.org")
    register(meeting, "second@example.org")

    html = client.get(own_url(register(meeting, "waiting@example.org"))).content.decode()

    assert WEBCAST_URL in html and REMOTE_URL not in html


def test_a_cancelled_registration_sees_no_link(meeting, register, client):
    from tashawur.meetings.services import cancel_registration

    registration = register(meeting, "amina@example.org")
    cancel_registration(registration=registration)

    html = client.get(own_url(registration)).content.decode()

    assert WEBCAST_URL not in html and REMOTE_URL not in html


def test_when_the_secretariat_makes_the_links_public_everyone_sees_them(db, before_the_meeting, client):
    meeting = OpenMeetingFactory(links_visibility=LinksVisibility.PUBLIC)

    html = client.get(f"/meetings/{meeting.pk}/").content.decode()

    assert REMOTE_URL in html and WEBCAST_URL in html


def test_links_mailed_before_the_secret_key_is_replaced_keep_working_through_the_fallback(
    meeting, register, client, settings,
):
    settings.SECRET_KEY = "the-old-key-" + "o" * 50
    link = own_url(register(meeting, "amina@example.org"))
    settings.SECRET_KEY = "the-new-key-" + "n" * 50
    settings.SECRET_KEY_FALLBACKS = ["the-old-key-" + "o" * 50]

    assert client.get(link).status_code == 200


def test_the_meeting_page_makes_a_fixed_number_of_queries(meeting, client, register, secretariat,
                                                          django_assert_max_num_queries):
    from tashawur.meetings.services import attach_captions
    from tests.meetings.factories import SessionFactory

    for number in range(4):
        session = SessionFactory(meeting=meeting, title={"en": f"Session {number}"})
        attach_captions(session=session, vtt_bytes=b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n",
                        language="en", actor=secretariat)
        register(meeting, f"person{number}@example.org")

    with django_assert_max_num_queries(7):
        page = client.get(f"/meetings/{meeting.pk}/")

    assert page.status_code == 200 and "Session 3" in page.content.decode()
