"""The data dictionary of the exports: what each field of a response holds, in the reader's language."""

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy as _


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # JSON type, as in the JSON and NDJSON exports
    description: object  # lazy translation


FIELDS = (
    Field("receipt_number", "string", _("The response's receipt number, unique and permanent (e.g. R-7K2Q-9XAB).")),
    Field("consultation", "string", _("The consultation's public slug.")),
    Field("group", "string", _("The code of the working group that holds the consultation.")),
    Field("url", "string", _("The permanent address of the response on the public page.")),
    Field("received_at", "string", _("When the response arrived, in ISO 8601 with the UTC offset.")),
    Field("published_at", "string", _("When the secretariat published it, in ISO 8601 with the UTC offset.")),
    Field("channel", "string", _("How it came: web, email, oral (a statement at a meeting) or api.")),
    Field("stakeholder_group", "string", _(
        "government, private_sector, civil_society, academic_technical, international_organization, individual, "
        "or empty when not stated.")),
    Field("country", "string", _("ISO 3166-1 alpha-2 code of the respondent's country, or empty.")),
    Field("language", "string", _("ISO 639-1 code of the language detected in the text, or empty.")),
    Field("publication", "string", _(
        "named or anonymous. An anonymous response has no author name. Responses their authors kept for the group "
        "only are never in the open data.")),
    Field("author_name", "string", _("The author's name, empty for anonymous responses. E-mail addresses are never published.")),
    Field("organisation", "string", _("The organisation the respondent named, or empty.")),
    Field("body", "string", _("The message or oral statement as published (after any redaction by the secretariat).")),
    Field("answers", "array", _(
        "The answers to the consultation's questions: question id, question number (position) and text as "
        "published. In CSV, one column per question: answer_1, answer_2, …")),
    Field("attachments", "array", _(
        "The published files: id, file name, type, size in bytes, SHA-256 and download address. In CSV, the "
        "column attachment_urls lists the addresses, separated by spaces. Withheld files are left out.")),
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
