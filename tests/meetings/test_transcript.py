"""Sessions: the HTML5 player with caption tracks, the transcript page and its search, and oral statements in it."""

import re
from html import unescape

import pytest
from django.template import Context, Template

from tashawur.meetings.errors import StatementNotFromMeeting
from tashawur.meetings.services import attach_captions, place_statement
from tests.factories import ConsultationFactory
from tests.meetings.factories import OpenMeetingFactory, SessionFactory, oral_statement

pytestmark = pytest.mark.django_db

ENGLISH = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Chair>Good morning. The open consultation is on the development aspects of the Internet.

00:00:04.000 --> 00:00:08.000
<v Chair>I give the floor to Nnenna Example.

00:00:08.000 --> 00:00:15.000
<v Nnenna Example>Affordability is the first barrier to Internet access in Africa.

00:00:15.000 --> 00:00:20.000
<v Nnenna Example>Capacity building in Côte d'Ivoire and in KENYA shows the way.
""".encode()

ARABIC = """WEBVTT

00:00:01.000 --> 00:00:04.000
صباح الخير. المشاورة المفتوحة بشأن الجوانب الإنمائية للإنترنت.

00:00:08.000 --> 00:00:15.000
القدرة على تحمّل التكاليف هي العائق الأول.
""".encode()


@pytest.fixture
def session(meeting, secretariat):
    session = SessionFactory(meeting=meeting)
    attach_captions(session=session, vtt_bytes=ENGLISH, language="en", actor=secretariat)
    attach_captions(session=session, vtt_bytes=ARABIC, language="ar", actor=secretariat)
    return session


def transcript_url(session) -> str:
    return f"/meetings/{session.meeting_id}/sessions/{session.pk}/transcript/"


def cue_numbers(html: str) -> list[int]:
    return [int(number) for number in re.findall(r'<li id="cue-(\d+)"', html)]


def test_the_session_page_plays_the_recording_with_a_caption_track_per_language(session, client):
    html = client.get(f"/meetings/{session.meeting_id}/sessions/{session.pk}/").content.decode()

    assert re.search(r'<video id="player"[^>]* controls[^>]*src="https://media.example.org/oc-2017-02-03-morning.mp4"', html)
    captions = f"/meetings/{session.meeting_id}/sessions/{session.pk}/captions/"
    assert f'<track kind="captions" srclang="en" label="English" src="{captions}en.vtt" default>' in html
    assert f'<track kind="captions" srclang="ar" label="Arabic" src="{captions}ar.vtt">' in html


def test_the_player_starts_at_the_moment_asked_for_without_a_script(session, client):
    html = client.get(f"/meetings/{session.meeting_id}/sessions/{session.pk}/?t=8").content.decode()

    assert 'src="https://media.example.org/oc-2017-02-03-morning.mp4#t=8"' in html


def test_an_audio_recording_gets_an_audio_player(meeting, client):
    session = SessionFactory(meeting=meeting, recording_kind="audio", recording_url="https://media.example.org/a.mp3")

    html = client.get(f"/meetings/{meeting.pk}/sessions/{session.pk}/").content.decode()

    assert '<audio id="player"' in html and "<video" not in html


def test_the_caption_file_is_served_as_webvtt(session, client):
    response = client.get(f"/meetings/{session.meeting_id}/sessions/{session.pk}/captions/en.vtt")

    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response.content == ENGLISH
    assert client.get(f"/meetings/{session.meeting_id}/sessions/{session.pk}/captions/fr.vtt").status_code == 404


def test_the_transcript_lists_every_cue_with_its_time_as_an_anchor(session, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        page = client.get(transcript_url(session))

    html = page.content.decode()
    assert cue_numbers(html) == [1, 2, 3, 4]
    assert '<a class="cue-time" href="#cue-3" dir="ltr"><time datetime="PT8S">00:00:08</time></a>' in html
    assert '<span class="cue-speaker" dir="auto">Nnenna Example:</span>' in html
    assert '<ol class="transcript" aria-labelledby="transcript-title" lang="en" dir="ltr">' in html
    assert f'href="/meetings/{session.meeting_id}/sessions/{session.pk}/?t=8#player"' in html


def test_the_transcript_search_keeps_only_matching_cues_on_the_server(session, client):
    html = unescape(client.get(transcript_url(session), {"q": "affordability"}).content.decode())

    assert cue_numbers(html) == [3]
    assert "1 of 4 cues contains “affordability”." in html
    assert 'href="?lang=en#cue-3"' in html  # a result leads to its place in the whole transcript


def test_the_transcript_search_ignores_case_and_accents(session, client):
    assert cue_numbers(client.get(transcript_url(session), {"q": "COTE d'ivoire"}).content.decode()) == [4]
    assert cue_numbers(client.get(transcript_url(session), {"q": "kenya"}).content.decode()) == [4]


def test_the_arabic_transcript_is_marked_right_to_left_and_searchable_without_diacritics(session, client):
    html = client.get(transcript_url(session), {"lang": "ar", "q": "تحمل"}).content.decode()

    assert cue_numbers(html) == [2]
    assert 'lang="ar" dir="rtl"' in html


def test_the_transcript_page_in_arabic_is_right_to_left(session, client):
    client.cookies["django_language"] = "ar"

    html = client.get(transcript_url(session)).content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="rtl">' in html and "صباح الخير" in html  # the reader's language is chosen first


def test_a_search_that_finds_nothing_says_so(session, client):
    html = client.get(transcript_url(session), {"q": "spectrum"}).content.decode()

    assert "No cue contains these words." in html


# --- oral statements ---------------------------------------------------------------------------

@pytest.fixture
def consultation(meeting):
    return ConsultationFactory(group=meeting.group, physical_meeting=meeting, slug="development-aspects")


def test_an_oral_statement_is_linked_from_its_cue_and_back(session, consultation, secretariat, client):
    statement = oral_statement(consultation, session.meeting)
    place_statement(response=statement, session=session, starts_at_ms=9500, actor=secretariat)

    transcript = client.get(transcript_url(session)).content.decode()
    statements = client.get(f"/meetings/{session.meeting_id}/statements/").content.decode()

    cue = re.search(r'<li id="cue-3".*?</li>', transcript, re.S).group(0)  # 00:00:08 - 00:00:15 holds 9.5 s
    permalink = f"/consultations/development-aspects/responses/{statement.receipt_number}/"
    assert f'href="{permalink}"' in cue and "Oral statement by Nnenna Example" in cue
    assert f'href="{transcript_url(session)}#cue-3"' in statements
    assert f'href="{permalink}"' in statements


def test_the_statement_page_can_link_to_its_place_in_the_transcript(session, consultation, secretariat):
    statement = oral_statement(consultation, session.meeting)
    place_statement(response=statement, session=session, starts_at_ms=15000, actor=secretariat)

    html = Template("{% load meeting_tags %}{% statement_in_transcript response %}").render(
        Context({"response": statement}),
    )

    assert f'href="{transcript_url(session)}#cue-4"' in html


def test_an_unpublished_statement_is_not_linked_from_the_transcript(session, consultation, secretariat, client):
    statement = oral_statement(consultation, session.meeting, status="received")
    place_statement(response=statement, session=session, starts_at_ms=9500, actor=secretariat)

    assert statement.receipt_number not in client.get(transcript_url(session)).content.decode()
    assert statement.receipt_number not in client.get(f"/meetings/{session.meeting_id}/statements/").content.decode()


def test_an_anonymous_statement_is_linked_without_the_speakers_name(session, consultation, secretariat, client):
    statement = oral_statement(consultation, session.meeting, publication="anonymous")
    place_statement(response=statement, session=session, starts_at_ms=9500, actor=secretariat)

    html = client.get(transcript_url(session)).content.decode()

    assert f"Oral statement {statement.receipt_number}" in html and "Oral statement by" not in html


def test_a_statement_from_another_meeting_cannot_be_placed_in_this_transcript(session, consultation, secretariat):
    elsewhere = oral_statement(consultation, OpenMeetingFactory(group=session.meeting.group))

    with pytest.raises(StatementNotFromMeeting):
        place_statement(response=elsewhere, session=session, starts_at_ms=1000, actor=secretariat)
