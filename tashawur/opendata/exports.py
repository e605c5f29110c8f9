"""Bulk exports of a consultation's published responses: CSV, JSON, NDJSON, and a ZIP of the files.

The records and CSV rows are those of ``tashawur.responses.export`` (public
edition: group-only responses and withheld files never appear, anonymous
authors stay anonymous, e-mail addresses never); this module streams them to
HTTP clients and packs the attachments. Rows are read in chunks, each with its
answers and files prefetched, so the queries grow with the chunks, not the rows.
"""

import csv
import io
import json
import logging
import tempfile
import zipfile
from collections.abc import Iterator

from django.urls import reverse

from tashawur.consultations.models import Consultation
from tashawur.opendata import dictionary
from tashawur.responses import export as response_export
from tashawur.responses.attachments import safe_filename
from tashawur.responses.selectors import responses_for_export

log = logging.getLogger(__name__)

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "ndjson": "application/x-ndjson",
    "zip": "application/zip",
}


def _records(consultation: Consultation) -> Iterator[dict]:
    return response_export.response_records(consultation, private=False)


def csv_lines(consultation: Consultation) -> Iterator[str]:
    """CSV in UTF-8 with a byte-order mark, so that spreadsheets read Arabic and Chinese right."""
    buffer = io.StringIO()
    columns = response_export.csv_columns(response_export.questions_of(consultation), private=False)
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writeheader()
    yield "\ufeff" + flush()
    for record in _records(consultation):
        writer.writerow(response_export.csv_row(record, private=False))
        yield flush()


def ndjson_lines(consultation: Consultation) -> Iterator[str]:
    for record in _records(consultation):
        yield json.dumps(record, ensure_ascii=False) + "\n"


def json_chunks(consultation: Consultation, *, dictionary_url: str) -> Iterator[str]:
    """One JSON document, written as it is read: what it holds, then the responses."""
    head = response_export.metadata(
        consultation, private=False, questions=response_export.questions_of(consultation),
    )
    head["data_dictionary"] = dictionary_url
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "responses": ['
    for index, record in enumerate(_records(consultation)):
        yield ("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


def attachments_zip(consultation: Consultation, absolute_url):
    """A ZIP (a temporary file, rewound) of every published file, with a manifest and the data dictionary."""
    archive_file = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    manifest = io.StringIO()
    writer = csv.writer(manifest)
    writer.writerow(["receipt_number", "attachment_id", "filename", "path", "content_type", "size", "sha256", "url"])
    responses = responses_for_export(consultation, private=False).iterator(chunk_size=response_export.CHUNK_SIZE)
    with zipfile.ZipFile(archive_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for response in responses:
            for attachment in response.exported_attachments:
                path = f"attachments/{response.receipt_number}/{attachment.pk}-{safe_filename(attachment.filename)}"
                try:
                    with attachment.file.open("rb") as handle:
                        archive.writestr(path, handle.read())
                except FileNotFoundError:
                    log.error("attachment file missing attachment=%s", attachment.pk)
                    continue
                url = absolute_url(reverse(
                    "response-attachment", args=[response.receipt_number, attachment.pk, attachment.filename],
                ))
                writer.writerow([response.receipt_number, attachment.pk, attachment.filename, path,
                                 attachment.content_type, attachment.size, attachment.sha256, url])
        archive.writestr("attachments.csv", "\ufeff" + manifest.getvalue())
        archive.writestr("README.txt", dictionary.as_text())
    archive_file.seek(0)
    return archive_file
