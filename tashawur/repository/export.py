"""The public repository as open data: JSON or CSV, with the filters of the list page.

Only published entries, and never a contributor's name or e-mail address.
"""

import csv
import io
import json

from django.urls import reverse

from tashawur.core.spreadsheet import spreadsheet_safe
from tashawur.responses.export import iso_utc

FORMAT_VERSION = 1
CSV_COLUMNS = (
    "id", "url", "title", "summary", "language", "country", "region", "organisation", "stakeholder_group", "year",
    "issues", "links", "files", "group", "published_at",
)


def entry_record(entry, *, absolute_url) -> dict:
    return {
        "id": entry.pk,
        "url": absolute_url(reverse("repository:entry-detail", args=[entry.pk])),
        "title": entry.title,
        "summary": entry.summary,
        "language": entry.language,
        "country": entry.country,
        "region": entry.region,
        "organisation": entry.organisation,
        "stakeholder_group": entry.stakeholder_group,
        "year": entry.year,
        "issues": [issue.slug for issue in entry.issues.all()],
        "links": [{"url": link.url, "label": link.label} for link in entry.links.all()],
        "files": [
            {"name": stored.filename, "type": stored.content_type, "size": stored.size, "sha256": stored.sha256,
             "url": absolute_url(reverse("repository:entry-file", args=[entry.pk, stored.pk, stored.filename]))}
            for stored in entry.files.all()
        ],
        "group": entry.group.code,
        "published_at": iso_utc(entry.published_at),
    }


def as_json(entries, *, absolute_url) -> str:
    records = [entry_record(entry, absolute_url=absolute_url) for entry in entries]
    return json.dumps({"format_version": FORMAT_VERSION, "entries": records}, ensure_ascii=False, indent=1)


def _cell(value) -> str:
    """Flatten lists; a leading = + - @ is quoted so that no spreadsheet runs it as a formula."""
    if isinstance(value, list):
        value = " ; ".join(item["url"] if isinstance(item, dict) else str(item) for item in value)
    return spreadsheet_safe(value)


def as_csv(entries, *, absolute_url) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        record = entry_record(entry, absolute_url=absolute_url)
        writer.writerow([_cell(record[column]) for column in CSV_COLUMNS])
    return "\ufeff" + buffer.getvalue()  # a BOM, so that spreadsheets read UTF-8 (Arabic, Chinese) correctly
