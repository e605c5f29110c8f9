"""Bulk exports of a consultation's published responses: CSV, JSON, NDJSON, and a ZIP of the files.

The public export only (``responses_for_export(private=False)``): group-only
responses and withheld files never appear, anonymous authors stay anonymous.
Rows are read in chunks, each with its answers and files prefetched, so the
number of queries grows with the chunks, not with the responses.
"""

import csv
import io
import json
import logging
import tempfile
import zipfile
from collections.abc import Iterator

from tashawur.consultations.models import Consultation
from tashawur.opendata import dictionary
from tashawur.opendata.rows import AbsoluteUrl, attachment_url, csv_header, csv_row, response_record
from tashawur.responses.attachments import safe_filename
from tashawur.responses.selectors import responses_for_export

log = logging.getLogger(__name__)

CHUNK = 500
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "ndjson": "application/x-ndjson",
    "zip": "application/zip",
}


def _responses(consultation: Consultation):
    return responses_for_export(consultation, private=False).iterator(chunk_size=CHUNK)


def records(consultation: Consultation, absolute_url: AbsoluteUrl) -> Iterator[dict]:
    for response in _responses(consultation):
        yield response_record(
            response, consultation=consultation, attachments=response.exported_attachments, absolute_url=absolute_url,
        )


def _question_positions(consultation: Consultation) -> list[int]:
    return sorted(question.position for question in consultation.topic.questions.all())


def csv_lines(consultation: Consultation, absolute_url: AbsoluteUrl) -> Iterator[str]:
    """CSV in UTF-8 with a byte-order mark, so that spreadsheets read Arabic and Chinese right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    positions = _question_positions(consultation)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(csv_header(positions))
    yield "\ufeff" + flush()
    for record in records(consultation, absolute_url):
        writer.writerow(csv_row(record, positions))
        yield flush()


def ndjson_lines(consultation: Consultation, absolute_url: AbsoluteUrl) -> Iterator[str]:
    for record in records(consultation, absolute_url):
        yield json.dumps(record, ensure_ascii=False) + "\n"


def json_chunks(consultation: Consultation, absolute_url: AbsoluteUrl, *, dictionary_url: str) -> Iterator[str]:
    """One JSON document, written as it is read: the consultation first, then the responses."""
    head = {
        "consultation": consultation.slug,
        "group": consultation.group.code,
        "title": consultation.topic.title,
        "data_dictionary": dictionary_url,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "responses": ['
    for index, record in enumerate(records(consultation, absolute_url)):
        yield ("," if index else "") + json.dumps(record, ensure_ascii=False)
    yield "]}\n"


def attachments_zip(consultation: Consultation, absolute_url: AbsoluteUrl):
    """A ZIP (in a temporary file, rewound) of every published file, with a manifest and the data dictionary."""
    archive_file = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    manifest = io.StringIO()
    writer = csv.writer(manifest)
    writer.writerow(["receipt_number", "attachment_id", "filename", "path", "content_type", "size", "sha256", "url"])
    with zipfile.ZipFile(archive_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for response in _responses(consultation):
            for attachment in response.exported_attachments:
                path = f"attachments/{response.receipt_number}/{attachment.pk}-{safe_filename(attachment.filename)}"
                try:
                    with attachment.file.open("rb") as handle:
                        archive.writestr(path, handle.read())
                except FileNotFoundError:
                    log.error("attachment file missing attachment=%s", attachment.pk)
                    continue
                writer.writerow([
                    response.receipt_number, attachment.pk, attachment.filename, path, attachment.content_type,
                    attachment.size, attachment.sha256, attachment_url(response, attachment, absolute_url),
                ])
        archive.writestr("attachments.csv", "\ufeff" + manifest.getvalue())
        archive.writestr("README.txt", dictionary.as_text())
    archive_file.seek(0)
    return archive_file
