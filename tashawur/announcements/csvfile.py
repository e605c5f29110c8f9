"""Reading a contact list as the secretariat exports it from a spreadsheet: no database here.

Files come as UTF-8 (with or without the byte-order mark Excel writes), UTF-16, or a
Windows code page (1256 for Arabic, 1252 for Western European languages, 1251 for
Cyrillic). Each row is checked on its own; a bad row is reported with its number as
the spreadsheet shows it (the header is row 1) and never stops the good ones.
"""

import codecs
import csv
import io
from dataclasses import dataclass, field

import pycountry
from charset_normalizer import from_bytes
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from tashawur.announcements.errors import EmptyFile, NoEmailColumn, NotACsvFile, TooManyRows, UnknownEncoding, WrongEncoding
from tashawur.announcements.models import RejectionReason
from tashawur.core.languages import AUTONYMS, CONTENT_LANGUAGES
from tashawur.responses.models import StakeholderGroup

# Encodings the secretariat may name in the import form (Python codec names).
ENCODINGS = {"utf-8": "UTF-8", "cp1256": "Windows-1256", "cp1252": "Windows-1252", "cp1251": "Windows-1251"}
# Code pages tried when the file is not UTF-8; a shorter list guesses better on short files.
GUESSED_CODE_PAGES = ["cp1256", "cp1252"]

COLUMNS = {
    "email": {"email", "e mail", "email address", "e mail address", "mail"},
    "name": {"name", "full name", "contact name", "contact"},
    "organisation": {"organisation", "organization", "organisation name", "organization name"},
    "language": {"language", "lang", "preferred language"},
    "country": {"country", "country code"},
    "stakeholder_group": {"stakeholder group", "stakeholder", "stakeholder type", "sector"},
}
MAX_LENGTH = {"email": 254, "name": 200, "organisation": 300}

_LANGUAGE_WORDS = {
    **{code: code for code in CONTENT_LANGUAGES},
    "zh-hans": "zh", "zh-cn": "zh", "zh_hans": "zh", "zh-hant": "zh",
    "arabic": "ar", "chinese": "zh", "english": "en", "french": "fr", "russian": "ru", "spanish": "es",
    **{autonym.lower(): code for code, autonym in AUTONYMS.items()},
}
_STAKEHOLDER_WORDS = {
    **{value: value for value in StakeholderGroup.values},
    **{value.replace("_", " "): value for value in StakeholderGroup.values},
    "academic and technical community": StakeholderGroup.ACADEMIC_TECHNICAL,
    "international organisation": StakeholderGroup.INTERNATIONAL_ORGANIZATION,
    "academia": StakeholderGroup.ACADEMIC_TECHNICAL,
    "technical community": StakeholderGroup.ACADEMIC_TECHNICAL,
}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as shown to the secretariat, e.g. "UTF-8 (with BOM)"


@dataclass(frozen=True)
class ContactRow:
    row_number: int
    email: str
    name: str = ""
    organisation: str = ""
    language: str = "en"
    country: str = ""
    stakeholder_group: str = ""


@dataclass(frozen=True)
class Rejection:
    row_number: int
    email: str
    reason: str
    detail: str
    values: dict


@dataclass
class CheckedFile:
    encoding: str
    rows_read: int = 0
    accepted: list[ContactRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def decode(data: bytes, encoding: str = "") -> Decoded:
    """The text of the file: the encoding named by the secretariat, else the BOM, else UTF-8, else a guess."""
    if not data.strip():
        raise EmptyFile()
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise NotACsvFile()  # .xlsx (a zip) or .xls (OLE2)
    if encoding:
        try:
            return Decoded(data.decode("utf-8-sig" if encoding == "utf-8" else encoding), ENCODINGS.get(encoding, encoding))
        except (UnicodeDecodeError, LookupError):
            raise WrongEncoding(encoding=ENCODINGS.get(encoding, encoding)) from None
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "UTF-8 (with BOM)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16"), "UTF-16")
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=GUESSED_CODE_PAGES).best()
    if best is None:
        raise UnknownEncoding()
    name = best.encoding.replace("_", "")
    return Decoded(str(best), ENCODINGS.get(name, name))


def _header_key(header: str) -> str:
    return " ".join(header.strip().lower().replace("-", " ").replace("_", " ").split())


def _dialect(text: str):
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    delimiter = max(counts, key=counts.get)
    return delimiter if counts[delimiter] else ","


def read(data: bytes, *, encoding: str = "", suppressed: set[str] = frozenset(), bounced: set[str] = frozenset(),
         max_rows: int = 50_000) -> CheckedFile:
    """Decode, read and check every row: accepted rows, and rejected ones with their reason."""
    decoded = decode(data, encoding)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=_dialect(decoded.text))
    headers = next(reader, None) or []
    columns: dict[int, str] = {}
    ignored = []
    for index, header in enumerate(headers):
        canonical = next((name for name, aliases in COLUMNS.items() if _header_key(header) in aliases), None)
        if canonical and canonical not in columns.values():
            columns[index] = canonical
        elif header.strip():
            ignored.append(header.strip())
    if "email" not in columns.values():
        raise NoEmailColumn()
    checked = CheckedFile(encoding=decoded.encoding, ignored_columns=ignored)
    first_seen: dict[str, int] = {}
    for row_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        checked.rows_read += 1
        if checked.rows_read > max_rows:
            raise TooManyRows(limit=max_rows)
        given = {headers[index].strip() or f"#{index + 1}": cell for index, cell in enumerate(row) if index < len(headers)}
        values = {name: (row[index].strip() if index < len(row) else "") for index, name in columns.items()}
        outcome = check_row(row_number, values, given, first_seen=first_seen, suppressed=suppressed, bounced=bounced)
        if isinstance(outcome, Rejection):
            checked.rejected.append(outcome)
        else:
            checked.accepted.append(outcome)
            first_seen[outcome.email] = row_number
    return checked


def check_row(row_number: int, values: dict, given: dict, *, first_seen: dict[str, int], suppressed: set[str],
              bounced: set[str]) -> ContactRow | Rejection:
    """One row: the contact it makes, or the first reason it cannot be imported."""
    email = values.get("email", "").strip().strip("<>").strip().lower()

    def reject(reason: str, detail: str = "") -> Rejection:
        return Rejection(row_number, values.get("email", ""), reason, detail, given)

    if not email:
        return reject(RejectionReason.MISSING_EMAIL)
    try:
        validate_email(email)
    except ValidationError:
        return reject(RejectionReason.INVALID_EMAIL)
    if email in first_seen:
        return reject(RejectionReason.DUPLICATE_IN_FILE, str(first_seen[email]))
    if email in suppressed:
        return reject(RejectionReason.UNSUBSCRIBED)
    if email in bounced:
        return reject(RejectionReason.BOUNCED)
    for name, limit in MAX_LENGTH.items():
        if len(values.get(name, "")) > limit:
            return reject(RejectionReason.TOO_LONG, name)
    language = _LANGUAGE_WORDS.get(values.get("language", "").lower()) if values.get("language") else "en"
    if language is None:
        return reject(RejectionReason.UNKNOWN_LANGUAGE, values["language"][:300])
    country = ""
    if values.get("country"):
        found = pycountry.countries.get(alpha_2=values["country"].upper()) if len(values["country"]) == 2 else (
            pycountry.countries.get(alpha_3=values["country"].upper()) if len(values["country"]) == 3 else None
        )
        if found is None:
            return reject(RejectionReason.UNKNOWN_COUNTRY, values["country"][:300])
        country = found.alpha_2
    stakeholder_group = ""
    if values.get("stakeholder_group"):
        stakeholder_group = _STAKEHOLDER_WORDS.get(_header_key(values["stakeholder_group"]))
        if stakeholder_group is None:
            return reject(RejectionReason.UNKNOWN_STAKEHOLDER_GROUP, values["stakeholder_group"][:300])
    return ContactRow(
        row_number=row_number, email=email, name=values.get("name", ""), organisation=values.get("organisation", ""),
        language=language, country=country, stakeholder_group=stakeholder_group,
    )


def given_value(values: dict, column: str) -> str:
    """A column of a row as the file gave it, whatever the header's spelling (``column`` as in COLUMNS)."""
    return next((value for header, value in values.items() if _header_key(header) in COLUMNS[column]), "")


