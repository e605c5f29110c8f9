"""Responses as open data: JSON or CSV, streamed so that a consultation of any size fits in memory.

The public export holds what the public page shows: published responses whose
authors agreed to publication, redacted texts, unwithheld files; names,
organisations and Message-IDs only where the author chose to be named; e-mail
addresses never.
The private export (``private=True``, for the secretariat) holds everything:
every status, original and redacted texts, withheld files, names and e-mails.
"""

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TextIO

from django.urls import reverse
from django.utils import timezone

from tashawur.consultations.models import Consultation
from tashawur.core.spreadsheet import spreadsheet_safe
from tashawur.responses import selectors
from tashawur.responses.models import Publication, Response

FORMAT_VERSION = 1
CHUNK_SIZE = 200


def iso_utc(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC, with a Z: 2016-12-01T12:00:00Z."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def questions_of(consultation: Consultation) -> list:
    return list(consultation.topic.questions.order_by("position"))


def response_record(response: Response, *, private: bool) -> dict:
    """One response as plain data (the JSON object; the CSV row is flattened from it)."""
    named = response.publication != Publication.ANONYMOUS
    record = {
        "id": response.pk,
        "receipt_number": response.receipt_number,
        "channel": response.channel,
        "received_at": iso_utc(response.received_at),
        "status": response.status,
        "publication": response.publication,
    }
    if private or named:
        record["author_name"] = response.author_name
    if private:
        record["author_email"] = response.author_email
    if private or named:
        record["organisation"] = response.organisation
    record.update(
        country=response.country,
        stakeholder_group=response.stakeholder_group,
        language=response.language,
    )
    if response.channel == "email" and (private or named):
        record["message_id"] = response.message_id or ""
    if response.meeting_id:
        record["meeting"] = {
            "id": response.meeting_id, "title": response.meeting.display_title("en"),
            "starts_on": response.meeting.starts_on.isoformat(),
        }
    if private:
        record.update(
            rejection_reason=response.rejection_reason,
            confirmed_at=iso_utc(response.confirmed_at),
            published_at=iso_utc(response.published_at),
            withdrawn_at=iso_utc(response.withdrawn_at),
            body=response.body,
            redacted_body=response.redacted_body,
        )
    else:
        record["body"] = response.public_body
    record["answers"] = [_answer_record(answer, private=private) for answer in response.answers.all()]
    record["attachments"] = [
        _attachment_record(response, attachment, private=private) for attachment in response.exported_attachments
    ]
    return record


def _answer_record(answer, *, private: bool) -> dict:
    record = {"question": answer.question.position, "question_id": answer.question_id}
    if private:
        record.update(text=answer.text, html=answer.html, redacted_text=answer.redacted_text)
    else:
        # A redacted answer's HTML is the original: it is not published.
        record.update(text=answer.public_text, html=answer.html if answer.redacted_text is None else "")
    return record


def _attachment_record(response, attachment, *, private: bool) -> dict:
    record = {
        "id": attachment.pk, "filename": attachment.filename, "content_type": attachment.content_type,
        "size": attachment.size, "sha256": attachment.sha256, "extracted_text": attachment.extracted_text,
    }
    if private:
        record["withheld"] = attachment.withheld
    else:
        record["download_path"] = reverse(
            "response-attachment", args=[response.receipt_number, attachment.pk, attachment.filename],
        )
    return record


def response_records(consultation: Consultation, *, private: bool) -> Iterator[dict]:
    queryset = selectors.responses_for_export(consultation, private=private)
    for response in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield response_record(response, private=private)


def metadata(consultation: Consultation, *, private: bool, questions: list) -> dict:
    return {
        "format": "tashawur.responses",
        "version": FORMAT_VERSION,
        "generated_at": iso_utc(timezone.now()),
        "private": private,
        "selection": "all responses, every status" if private else "published responses, as on the public page",
        "consultation": {
            "slug": consultation.slug, "title": consultation.topic.title, "group": consultation.group.code,
            "time_zone": consultation.group.time_zone,
            "opens_on": consultation.opens_on.isoformat() if consultation.opens_on else None,
            "response_deadline": consultation.response_deadline.isoformat() if consultation.response_deadline else None,
        },
        "questions": [{"position": q.position, "id": q.pk, "text": q.text} for q in questions],
    }


def write_json(out: TextIO, consultation: Consultation, *, private: bool) -> int:
    """An object with the metadata and a "responses" list, one response per line; returns the count."""
    head = metadata(consultation, private=private, questions=questions_of(consultation))
    out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "responses": [')
    count = 0
    for record in response_records(consultation, private=private):
        out.write(("," if count else "") + "\n" + json.dumps(record, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def csv_columns(questions: list, *, private: bool) -> list[str]:
    columns = ["id", "receipt_number", "channel", "received_at", "status", "publication", "author_name"]
    if private:
        columns += ["author_email"]
    columns += ["organisation", "country", "stakeholder_group", "language", "message_id", "meeting"]
    if private:
        columns += ["rejection_reason", "confirmed_at", "published_at", "withdrawn_at", "body", "redacted_body"]
    else:
        columns += ["body"]
    for question in questions:
        columns.append(f"answer_{question.position}")
        if private:
            columns.append(f"answer_{question.position}_redacted")
    return columns + ["attachments"]


def csv_row(record: dict, *, private: bool) -> dict:
    row = {key: value for key, value in record.items() if key not in ("answers", "attachments", "meeting")}
    if record.get("meeting"):
        row["meeting"] = record["meeting"]["title"]
    for answer in record["answers"]:
        row[f"answer_{answer['question']}"] = answer["text"]
        if private:
            row[f"answer_{answer['question']}_redacted"] = answer["redacted_text"]
    row["attachments"] = json.dumps(record["attachments"], ensure_ascii=False) if record["attachments"] else ""
    return {key: spreadsheet_safe(value) for key, value in row.items()}


def write_csv(out: TextIO, consultation: Consultation, *, private: bool) -> int:
    """One row per response; answers in a column per question; attachments as a JSON list."""
    columns = csv_columns(questions_of(consultation), private=private)
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in response_records(consultation, private=private):
        writer.writerow(csv_row(record, private=private))
        count += 1
    return count
