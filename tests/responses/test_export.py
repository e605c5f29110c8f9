"""export_responses: the consultation's responses as JSON or CSV, public or private."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.responses.response_builders import PDF_BYTES, make_response

pytestmark = pytest.mark.django_db


@pytest.fixture
def responses(open_consultation):
    """One response of each kind a public export must treat differently."""
    named = make_response(
        open_consultation, channel="email", message_id="<named@mail.example.org>",
        answers=("Affordable access first.", "", "Local content."), body="Dear secretariat,",
        attachments=[("paper.pdf", PDF_BYTES), ("cv.txt", b"Private CV")],
    )
    cv = named.attachments.get(filename="cv.txt")
    cv.withheld = True
    cv.save()
    anonymous = make_response(
        open_consultation, publication="anonymous", channel="email", message_id="<anon@ministry.example>",
        author_name="Hidden Person", author_email="hidden@example.net", answers=("Call me on 555 0100.",),
    )
    first = anonymous.answers.get()
    first.redacted_text = "Call me on [removed]."
    first.save()
    arabic = make_response(
        open_consultation, author_name="ليلى حسن", organisation="جمعية الإنترنت", country="EG", language="ar",
        answers=("النفاذ الميسور التكلفة أولاً، ثم المحتوى المحلي.",),
    )
    group_only = make_response(open_consultation, publication="group_only", answers=("For the group.",))
    rejected = make_response(open_consultation, status="rejected", rejection_reason="spam", answers=("Spam.",))
    return {"named": named, "anonymous": anonymous, "arabic": arabic, "group_only": group_only,
            "rejected": rejected}


def export(slug, *args):
    out = io.StringIO()
    call_command("export_responses", slug, *args, stdout=out)
    return out.getvalue()


def by_receipt(records):
    return {record["receipt_number"]: record for record in records}


def test_public_json_holds_what_the_public_page_shows(open_consultation, responses):
    data = json.loads(export(open_consultation.slug, "--format", "json"))
    records = by_receipt(data["responses"])

    assert data["private"] is False and data["consultation"]["slug"] == open_consultation.slug
    assert [question["position"] for question in data["questions"]] == [1, 2, 3]
    assert set(records) == {responses[name].receipt_number for name in ("named", "anonymous", "arabic")}
    named = records[responses["named"].receipt_number]
    assert {key: named[key] for key in ("id", "channel", "received_at", "status", "publication", "author_name",
                                        "organisation", "country", "stakeholder_group", "language", "message_id")} == {
        "id": responses["named"].pk, "channel": "email", "received_at": "2016-12-01T12:00:00Z",
        "status": "published", "publication": "named", "author_name": "Amina Haddad",
        "organisation": "Digital Rights Lab", "country": "TN", "stakeholder_group": "civil_society",
        "language": "en", "message_id": "<named@mail.example.org>",
    }
    assert named["body"] == "Dear secretariat,"
    assert [(answer["question"], answer["text"]) for answer in named["answers"]] == [
        (1, "Affordable access first."), (3, "Local content.")]
    [paper] = named["attachments"]  # the withheld file is left out
    assert paper["filename"] == "paper.pdf" and paper["content_type"] == "application/pdf"
    assert paper["size"] == len(PDF_BYTES) and len(paper["sha256"]) == 64
    assert paper["extracted_text"] == "Position paper of the Digital Rights Lab"
    assert paper["download_path"].startswith(f"/responses/{responses['named'].receipt_number}/files/")
    anonymous = records[responses["anonymous"].receipt_number]
    assert "author_name" not in anonymous and "organisation" not in anonymous and "message_id" not in anonymous
    assert anonymous["answers"][0]["text"] == "Call me on [removed]."
    text = json.dumps(data, ensure_ascii=False)
    for secret in ("@example.org\"", "hidden@example.net", "Hidden Person", "anon@ministry", "555 0100",
                   "Private CV", "For the group.", "Spam."):
        assert secret not in text


def test_private_json_holds_everything_for_the_secretariat(open_consultation, responses):
    data = json.loads(export(open_consultation.slug, "--format", "json", "--private"))
    records = by_receipt(data["responses"])

    assert data["private"] is True and len(records) == 5
    anonymous = records[responses["anonymous"].receipt_number]
    assert (anonymous["author_name"], anonymous["author_email"]) == ("Hidden Person", "hidden@example.net")
    assert anonymous["message_id"] == "<anon@ministry.example>"
    assert anonymous["answers"][0] == {"question": 1, "question_id": anonymous["answers"][0]["question_id"],
                                       "text": "Call me on 555 0100.", "html": "",
                                       "redacted_text": "Call me on [removed]."}
    assert records[responses["rejected"].receipt_number]["status"] == "rejected"
    assert records[responses["rejected"].receipt_number]["rejection_reason"] == "spam"
    assert records[responses["group_only"].receipt_number]["publication"] == "group_only"
    files = {attachment["filename"]: attachment for attachment in records[responses["named"].receipt_number]["attachments"]}
    assert files["cv.txt"]["withheld"] is True and files["cv.txt"]["extracted_text"] == "Private CV"


def read_csv(text):
    return {row["receipt_number"]: row for row in csv.DictReader(io.StringIO(text))}


def test_public_csv_has_one_row_per_response_and_a_column_per_question(open_consultation, responses):
    text = export(open_consultation.slug, "--format", "csv")
    rows = read_csv(text)
    header = text.splitlines()[0].split(",")

    assert "author_email" not in header and "rejection_reason" not in header
    assert header[-4:] == ["answer_1", "answer_2", "answer_3", "attachments"]
    assert len(rows) == 3
    named = rows[responses["named"].receipt_number]
    assert (named["answer_1"], named["answer_2"], named["answer_3"]) == ("Affordable access first.", "", "Local content.")
    assert [attachment["filename"] for attachment in json.loads(named["attachments"])] == ["paper.pdf"]
    assert named["message_id"] == "<named@mail.example.org>"
    assert rows[responses["anonymous"].receipt_number]["author_name"] == ""
    assert rows[responses["anonymous"].receipt_number]["organisation"] == ""
    assert "hidden@example.net" not in text and "Hidden Person" not in text


def test_private_csv_has_emails_statuses_and_originals(open_consultation, responses):
    rows = read_csv(export(open_consultation.slug, "--format", "csv", "--private"))

    assert len(rows) == 5
    anonymous = rows[responses["anonymous"].receipt_number]
    assert anonymous["author_email"] == "hidden@example.net"
    assert (anonymous["answer_1"], anonymous["answer_1_redacted"]) == ("Call me on 555 0100.", "Call me on [removed].")
    assert rows[responses["rejected"].receipt_number]["status"] == "rejected"


def test_arabic_survives_a_csv_round_trip_for_excel(open_consultation, responses, tmp_path):
    target = tmp_path / "responses.csv"

    call_command("export_responses", open_consultation.slug, "--format", "csv", "--excel", "-o", str(target),
                 stderr=io.StringIO())

    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs to read UTF-8
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["receipt_number"]: row for row in csv.DictReader(handle)}
    arabic = rows[responses["arabic"].receipt_number]
    assert arabic["answer_1"] == "النفاذ الميسور التكلفة أولاً، ثم المحتوى المحلي."
    assert (arabic["author_name"], arabic["organisation"], arabic["language"]) == ("ليلى حسن", "جمعية الإنترنت", "ar")


def test_json_to_a_file_is_utf8_without_escapes(open_consultation, responses, tmp_path):
    target = tmp_path / "responses.json"

    call_command("export_responses", open_consultation.slug, "-o", str(target), stderr=io.StringIO())

    text = target.read_text(encoding="utf-8")
    assert "ليلى حسن" in text and "\\u" not in text
    assert len(json.loads(text)["responses"]) == 3


def test_the_export_makes_a_fixed_number_of_queries(open_consultation, django_assert_max_num_queries):
    for number in range(40):
        make_response(open_consultation, answers=("One.", "Two.", "Three."),
                      attachments=[(f"note-{number}.txt", f"Note {number}".encode())])

    with django_assert_max_num_queries(8):
        data = json.loads(export(open_consultation.slug, "--private"))
    assert len(data["responses"]) == 40


def test_an_unknown_consultation_is_an_error(db):
    with pytest.raises(CommandError, match="No consultation has the slug 'nowhere'"):
        export("nowhere")
