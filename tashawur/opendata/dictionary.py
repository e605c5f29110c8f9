"""The data dictionary of the exports: what each field of a response holds, in the reader's language."""

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy as _


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # JSON type, as in the JSON and NDJSON exports
    description: object  # lazy translation


FIELDS = (
    Field("id", "integer", _("The response's number in the platform.")),
    Field("receipt_number", "string", _("The response's receipt number, unique and permanent (e.g. R-7K2Q-9XAB).")),
    Field("channel", "string", _("How it came: web, email, oral (a statement at a meeting) or api.")),
    Field("received_at", "string", _("When the response arrived, in ISO 8601, UTC.")),
    Field("status", "string", _("Always published in the open data.")),
    Field("publication", "string", _(
        "named or anonymous. Responses their authors kept for the group only are never in the open data.")),
    Field("author_name", "string", _(
        "The author's name; absent for anonymous responses. E-mail addresses are never published.")),
    Field("organisation", "string", _("The organisation the respondent named; absent for anonymous responses.")),
    Field("country", "string", _("ISO 3166-1 alpha-2 code of the respondent's country, or empty.")),
    Field("stakeholder_group", "string", _(
        "government, private_sector, civil_society, academic_technical, international_organization, individual, "
        "or empty when not stated.")),
    Field("language", "string", _("ISO 639-1 code of the language detected in the text, or empty.")),
    Field("message_id", "string", _("For a named response sent by e-mail: the Message-ID of the message.")),
    Field("meeting", "object", _("For an oral statement: the meeting where it was made (id, title, first day).")),
    Field("body", "string", _("The message or oral statement as published (after any redaction by the secretariat).")),
    Field("answers", "array", _(
        "The answers: question (its number), question_id, text and html as published. In CSV, one column per "
        "question: answer_1, answer_2, …")),
    Field("attachments", "array", _(
        "The published files: id, file name, type, size in bytes, SHA-256, the text extracted from them and "
        "the download path. In CSV, a JSON list. Withheld files are left out.")),
)

FORMATS = (
    ("csv", _("CSV, UTF-8 with a byte-order mark, one row per response, one column per question.")),
    ("json", _("JSON: the consultation, then the list of responses.")),
    ("ndjson", _("NDJSON: one response per line, as a JSON object.")),
    ("zip", _("ZIP of the published attachments, with attachments.csv (a manifest with SHA-256) and this dictionary.")),
)


def as_data() -> dict:
    return {
        "fields": [{"name": field.name, "type": field.kind, "description": str(field.description)} for field in FIELDS],
        "formats": [{"format": name, "description": str(description)} for name, description in FORMATS],
    }


def as_text() -> str:
    """The dictionary as plain text, for the README of the ZIP."""
    lines = [gettext("Data dictionary of the published responses"), ""]
    lines += [f"{field.name} ({field.kind}): {field.description}" for field in FIELDS]
    lines += ["", gettext("Formats"), ""]
    lines += [f"{name}: {description}" for name, description in FORMATS]
    return "\n".join(lines) + "\n"
