"""Attachments: type decided by content (never by name), refused with a reason, text extracted.

Accepted kinds: PDF, DOCX, ODT and plain text. Executables, scripts, macro-bearing
Office files and archives are refused as dangerous; anything else as unsupported.
"""

import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from charset_normalizer import from_bytes
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError

log = logging.getLogger(__name__)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
TXT = "text/plain"
ACCEPTED_TYPES = (PDF, DOCX, ODT, TXT)

_EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xfe\xed\xfa", b"\xcf\xfa\xed\xfe", b"#!")
_DANGEROUS_NAMES = re.compile(
    r"\.(exe|com|bat|cmd|scr|pif|msi|dll|js|jse|vbs|vbe|wsf|wsh|ps1|jar|sh|app|hta|cpl|lnk|reg|docm|dotm|xlsm)$",
    re.IGNORECASE,
)


class AttachmentRefused(TashawurError):
    code = "attachment_refused"
    reason = "attachment_unsupported"


class DangerousAttachment(AttachmentRefused):
    reason = "attachment_dangerous"
    default_message = _(
        "The attachment %(name)s was refused because it could run code on a reader's computer "
        "(a program, a script or a document with macros). Please send the text as PDF, DOCX, ODT or plain text."
    )


class UnsupportedAttachment(AttachmentRefused):
    reason = "attachment_unsupported"
    default_message = _(
        "The attachment %(name)s is not a PDF, DOCX, ODT or plain-text file (judged by its content, "
        "not its name). Please send it in one of these formats."
    )


class OversizedAttachment(AttachmentRefused):
    reason = "attachment_too_large"
    default_message = _("The attachment %(name)s is %(size)s; the limit is %(limit)s per file.")


@dataclass(frozen=True)
class CheckedFile:
    filename: str
    content: bytes
    content_type: str
    sha256: str
    extracted_text: str

    @property
    def size(self) -> int:
        return len(self.content)


def store_content(folder: str, checked: CheckedFile) -> str:
    """Save a checked file under its SHA-256 (so the same file sent twice is stored once); returns its path."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    path = f"{folder}/{checked.sha256[:2]}/{checked.sha256}"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile(checked.content))
    return path


def check_attachment(filename: str, content: bytes) -> CheckedFile:
    """Decide the file's type from its bytes, refuse what is dangerous or unsupported, extract its text."""
    name = safe_filename(filename)
    limit = settings.ATTACHMENT_MAX_BYTES
    if len(content) > limit:
        raise OversizedAttachment(name=name, size=filesizeformat(len(content)), limit=filesizeformat(limit))
    content_type = sniff(name, content)
    return CheckedFile(
        filename=name, content=content, content_type=content_type,
        sha256=hashlib.sha256(content).hexdigest(), extracted_text=extract_text(content_type, content),
    )


def sniff(name: str, content: bytes) -> str:
    if content.startswith(_EXECUTABLE_MAGIC) or _DANGEROUS_NAMES.search(name):
        raise DangerousAttachment(name=name)
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"PK\x03\x04"):
        return _sniff_zip(name, content)
    if _is_text(content):
        return TXT
    raise UnsupportedAttachment(name=name)


def _sniff_zip(name: str, content: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if any(entry.lower().endswith("vbaproject.bin") for entry in names):
                raise DangerousAttachment(name=name)
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                types = archive.read("[Content_Types].xml")
                if b"macroEnabled" in types:
                    raise DangerousAttachment(name=name)
                return DOCX
    except (zipfile.BadZipFile, KeyError, RuntimeError):
        pass
    raise UnsupportedAttachment(name=name)


def _is_text(content: bytes) -> bool:
    if b"\x00" in content[:8192]:
        return False
    try:
        content.decode("utf-8")
        return True
    except UnicodeDecodeError:
        match = from_bytes(content[:65536]).best()
        return match is not None and match.chaos < 0.2


def decode_text(content: bytes) -> str:
    """Text of unknown encoding: UTF-8 first (with or without BOM), then the best guess."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        match = from_bytes(content).best()
        return str(match) if match is not None else content.decode("latin-1")


def extract_text(content_type: str, content: bytes) -> str:
    """The text of an accepted file; a file whose text cannot be read keeps an empty text, not an error."""
    try:
        if content_type == TXT:
            return decode_text(content)
        if content_type == PDF:
            return _pdf_text(content)
        if content_type == DOCX:
            return _docx_text(content)
        if content_type == ODT:
            return _odt_text(content)
    except Exception:  # a damaged file is still kept; only its text is missing
        log.warning("text extraction failed type=%s", content_type, exc_info=True)
    return ""


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages).strip()


def _docx_text(content: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts).strip()


_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _odt_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    lines = []
    for element in root.iter():
        if element.tag in (f"{_ODF_TEXT}p", f"{_ODF_TEXT}h"):
            lines.append("".join(element.itertext()))
    return "\n".join(lines).strip()


def safe_filename(filename: str) -> str:
    """A name safe to show and to offer for download: no path, no control characters."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(character for character in name if character.isprintable()).strip().strip(".")
    return name[:200] or "attachment"
