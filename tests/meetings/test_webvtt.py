"""Captions are strict WebVTT: a valid file is published with its cues; a broken one is refused naming the line."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tashawur.core.errors import NotAllowed
from tashawur.meetings.errors import InvalidCaptions
from tashawur.meetings.models import CaptionTrack, Cue
from tashawur.meetings.services import attach_captions
from tashawur.meetings.webvtt import parse_webvtt
from tests.factories import UserFactory
from tests.meetings.factories import SessionFactory

VALID = """WEBVTT - Open consultation, morning session

NOTE Captions by the ITU captioning service.

STYLE
::cue { color: yellow; }

intro
00:00:01.000 --> 00:00:04.500
<v Chair>Good morning, and welcome to the open consultation.

00:00:04.500 --> 00:00:09.000 align:start position:10%
<v Chair>We have 23 speakers &amp; two hours.
Please keep to three minutes.

01:00.000 --> 01:05.250
<v.loud Nnenna Example>Affordability comes <b>first</b>.
""".encode()


def refusal(data: bytes) -> InvalidCaptions:
    with pytest.raises(InvalidCaptions) as raised:
        parse_webvtt(data)
    return raised.value


def test_a_valid_file_gives_its_cues_with_times_speakers_and_plain_text():
    cues = parse_webvtt(VALID)

    assert [(cue.number, cue.start_ms, cue.end_ms) for cue in cues] == [
        (1, 1000, 4500), (2, 4500, 9000), (3, 60000, 65250),
    ]
    assert cues[0].identifier == "intro"
    assert [cue.speaker for cue in cues] == ["Chair", "Chair", "Nnenna Example"]
    assert cues[1].text == "We have 23 speakers & two hours.\nPlease keep to three minutes."
    assert cues[2].text == "Affordability comes first."


def test_windows_line_ends_and_a_byte_order_mark_are_accepted():
    cues = parse_webvtt(b"\xef\xbb\xbf" + VALID.replace(b"\n", b"\r\n"))

    assert len(cues) == 3


def test_arabic_captions_in_utf8_are_accepted():
    cues = parse_webvtt("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nصباح الخير\n".encode())

    assert cues[0].text == "صباح الخير"


def test_a_file_without_the_header_is_refused_at_line_1():
    error = refusal(b"00:00:01.000 --> 00:00:02.000\nHello\n")

    assert error.line == 1
    assert error.message == (
        "Line 1: a WebVTT file must start with the line \u201cWEBVTT\u201d, not \u201c00:00:01.000 --> 00:00:02.000\u201d."
    )


def test_a_timing_that_is_not_hh_mm_ss_ttt_is_refused_naming_its_line():
    error = refusal(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n\n00:00:03,000 --> 00:00:04,000\nComma\n")

    assert error.line == 6
    assert error.message.startswith("Line 6: \u201c00:00:03,000\u201d is not a timestamp in the form hh:mm:ss.ttt")


def test_a_garbled_timing_line_is_refused_naming_its_line():
    error = refusal(b"WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHello\n")

    assert error.line == 3
    assert "is neither a cue timing" in error.message


def test_a_cue_that_ends_before_it_starts_is_refused_naming_its_line():
    error = refusal(b"WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nBackwards\n")

    assert error.line == 3
    assert error.message == "Line 3: the cue ends at 00:00:02.000, which is not after its start at 00:00:05.000."


def test_a_cue_of_no_length_is_refused():
    assert refusal(b"WEBVTT\n\n00:00:05.000 --> 00:00:05.000\nInstant\n").line == 3


def test_cues_out_of_order_are_refused_naming_the_line_and_the_cue_before():
    error = refusal(b"WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nLater\n\n00:00:01.000 --> 00:00:02.000\nEarlier\n")

    assert error.line == 6
    assert "before the cue of line 3" in error.message


def test_a_file_that_is_not_utf8_is_refused_naming_the_line():
    latin1 = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCôte d'Ivoire\n".encode("latin-1")

    error = refusal(latin1)

    assert error.line == 4
    assert error.message == "Line 4 is not valid UTF-8: a WebVTT file must be saved in UTF-8 encoding."


def test_a_missing_blank_line_between_cues_is_refused():
    error = refusal(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n00:00:02.000 --> 00:00:03.000\nTwo\n")

    assert error.line == 5
    assert "is a blank line missing" in error.message


def test_an_unknown_cue_setting_is_refused():
    assert refusal(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000 colour:red\nOne\n").line == 3


def test_an_empty_file_and_a_file_without_cues_are_refused():
    assert refusal(b"").line == 1
    error = refusal(b"WEBVTT\n\nNOTE nothing yet\n")
    assert error.line == 4 and "without a single cue" in error.message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    with pytest.raises(InvalidCaptions) as raised:
        parse_webvtt(VALID, max_bytes=100)

    assert "may be at most 100" in raised.value.message


# --- the service and the admin -------------------------------------------------------------

@pytest.fixture
def session(meeting):
    return SessionFactory(meeting=meeting)


def test_attach_captions_publishes_the_track_and_its_cues(session, secretariat):
    track = attach_captions(session=session, vtt_bytes=VALID, language="en", actor=secretariat)

    assert track.vtt.startswith("WEBVTT - Open consultation")
    assert list(track.cues.values_list("number", "speaker")) == [(1, "Chair"), (2, "Chair"), (3, "Nnenna Example")]


def test_a_new_file_replaces_the_captions_in_that_language(session, secretariat):
    attach_captions(session=session, vtt_bytes=VALID, language="en", actor=secretariat)

    attach_captions(session=session, vtt_bytes=b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCorrected\n",
                    language="en", actor=secretariat)

    assert CaptionTrack.objects.count() == 1
    assert list(Cue.objects.values_list("text", flat=True)) == ["Corrected"]


def test_a_broken_file_changes_nothing(session, secretariat):
    attach_captions(session=session, vtt_bytes=VALID, language="en", actor=secretariat)

    with pytest.raises(InvalidCaptions):
        attach_captions(session=session, vtt_bytes=b"WEBVTT\n\n00:00:09.000 --> 00:00:02.000\nX\n",
                        language="en", actor=secretariat)

    assert Cue.objects.count() == 3


def test_only_the_secretariat_attaches_captions(session):
    with pytest.raises(NotAllowed):
        attach_captions(session=session, vtt_bytes=VALID, language="en", actor=UserFactory())


def test_the_admin_upload_shows_the_line_of_a_broken_file(session, secretariat, client):
    secretariat.is_superuser = True
    secretariat.save()
    client.force_login(secretariat)
    url = f"/admin/meetings/meetingsession/{session.pk}/captions/"
    broken = SimpleUploadedFile("morning.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\n00:00:05.000 --> 00:00:04.000\nTwo\n")

    page = client.post(url, {"language": "en", "file": broken})

    assert page.status_code == 200
    assert "Line 6: the cue ends at 00:00:04.000" in page.content.decode()
    assert not CaptionTrack.objects.exists()

    good = SimpleUploadedFile("morning.vtt", VALID)
    assert client.post(url, {"language": "en", "file": good}).status_code == 302
    assert CaptionTrack.objects.get().cues.count() == 3
