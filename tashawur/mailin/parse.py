"""Read a stored message: who sent it, to whom, what it says and what it carries.

Everything is decoded with the standard ``email`` package (``policy.default``,
and ``compat32`` when a broken message defeats it); charsets are decided in
``decode``. Res. 1336 rule 8: a response sent by e-mail is read as faithfully
as one typed into the web form.
"""

import email
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from django.utils.translation import gettext as _

from tashawur.mailin.decode import decode_bytes, decode_header_value, html_to_text
from tashawur.responses.attachments import AttachmentRefused, CheckedFile, check_attachment

log = logging.getLogger(__name__)

# Parts that are neither text nor a file the author attached: signatures and machine reports.
_NOT_FILES = {
    "application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature",
    "message/delivery-status", "message/disposition-notification", "text/rfc822-headers",
}
_AUTO_REPLY_HEADERS = ("x-autoreply", "x-autorespond", "x-autoresponder")
_BULK_PRECEDENCE = {"bulk", "junk", "list"}
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")


@dataclass
class Headers:
    """What the header of a message says, decoded; the flags classify automatic mail (RFC 3834, RFC 3464)."""

    message_id: str = ""
    sender_name: str = ""
    sender_address: str = ""
    subject: str = ""
    date: datetime | None = None
    recipients: list[str] = field(default_factory=list)
    auto_reply: bool = False
    bulk: bool = False
    bounce: bool = False
    read_receipt: bool = False
    null_return_path: bool = False
    suppress_replies: bool = False


@dataclass
class ParsedMessage:
    headers: Headers
    text: str = ""
    attachments: list[CheckedFile] = field(default_factory=list)
    refusals: list[AttachmentRefused] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # inline images and signatures, not attachments


class _Body:
    def __init__(self):
        self.texts: list[str] = []
        self.attachments: list[CheckedFile] = []
        self.refusals: list[AttachmentRefused] = []
        self.skipped: list[str] = []


def normalise_message_id(value: str | None) -> str:
    """``<local@domain>`` as written (the local part is case-sensitive), or "" when there is none."""
    value = decode_header_value(value)
    match = _MESSAGE_ID.search(value)
    if match:
        return f"<{match.group(1)}>"
    value = value.strip()
    return f"<{value}>" if value and " " not in value else ""


def _raw_headers(message: Message) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, value in message.raw_items():
        found.setdefault(name.strip().lower(), []).append(str(value))
    return found


def _first(headers: dict[str, list[str]], name: str) -> str:
    values = headers.get(name)
    return decode_header_value(values[0]) if values else ""


def _addresses(values: list[str]) -> list[tuple[str, str]]:
    unfolded = [re.sub(r"\r?\n(?=[ \t])", "", value) for value in values]
    return [
        (decode_header_value(name), address.strip())
        for name, address in getaddresses([decode_header_value(value) if "=?" not in value else value
                                           for value in unfolded])
        if "@" in address
    ]


def read_headers(message: Message) -> Headers:
    raw = _raw_headers(message)
    senders = _addresses(raw.get("from", []))
    name, address = senders[0] if senders else ("", "")
    content_type = message.get_content_type()
    report_type = (message.get_param("report-type") or "").lower() if content_type == "multipart/report" else ""
    precedence = _first(raw, "precedence").lower()
    return Headers(
        message_id=normalise_message_id(_first(raw, "message-id")),
        sender_name=name, sender_address=address,
        subject=_first(raw, "subject"),
        date=_parse_date(_first(raw, "date")),
        recipients=[address.lower() for _name, address in _addresses(raw.get("to", []) + raw.get("cc", []))],
        auto_reply=_auto_submitted(raw) or precedence == "auto_reply"
        or any(_first(raw, header).lower() not in ("", "no") for header in _AUTO_REPLY_HEADERS),
        bulk=precedence in _BULK_PRECEDENCE,
        bounce=report_type == "delivery-status" or content_type == "message/delivery-status"
        or address.lower().split("@")[0] == "mailer-daemon",
        read_receipt=report_type == "disposition-notification",
        null_return_path=any(value.strip() == "<>" for value in raw.get("return-path", [])),
        suppress_replies=bool(_first(raw, "x-auto-response-suppress")),
    )


def _auto_submitted(raw: dict[str, list[str]]) -> bool:
    """RFC 3834: any Auto-Submitted value but "no" marks mail a machine sent."""
    value = _first(raw, "auto-submitted").lower().split(";")[0].strip()
    return value not in ("", "no")


def _parse_date(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed is not None and parsed.tzinfo is not None else None


def header_only(raw: bytes) -> Headers:
    """The header alone: enough to route and answer a message too large to read."""
    return read_headers(BytesHeaderParser(policy=policy.compat32).parsebytes(raw))


def arrival_time(raw: bytes) -> datetime | None:
    """When the message reached us, for replays: the newest (topmost) Received header, else Date."""
    message = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
    for received in message.get_all("received") or []:
        stamp = _parse_date(str(received).rsplit(";", 1)[-1].strip()) if ";" in str(received) else None
        if stamp:
            return stamp
    return _parse_date(decode_header_value(message.get("date")))


def parse_message(raw: bytes) -> ParsedMessage:
    """Header, text and attachments; ``compat32`` takes over when ``policy.default`` trips on a broken message."""
    try:
        return _parse(BytesParser(policy=policy.default).parsebytes(raw))
    except Exception:
        log.info("policy.default could not read the message; retrying with compat32", exc_info=True)
        return _parse(email.message_from_bytes(raw, policy=policy.compat32))


def _parse(message: Message) -> ParsedMessage:
    body = _Body()
    _walk(message, body)
    text = "\n\n".join(text.strip("\n") for text in body.texts if text.strip())
    return ParsedMessage(
        headers=read_headers(message), text=text.replace("\r\n", "\n").strip(), attachments=body.attachments,
        refusals=body.refusals, skipped=body.skipped,
    )


def _walk(part: Message, body: _Body) -> None:
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        _forwarded(part, body)
    elif content_type == "multipart/alternative":
        _alternative(part, body)
    elif part.is_multipart():
        for child in part.get_payload():
            _walk(child, body)
    elif _is_body_text(part):
        body.texts.append(_text_of(part))
    elif content_type in _NOT_FILES or (content_type.startswith("image/") and not _is_attachment(part)):
        body.skipped.append(_filename(part) or content_type)
    else:
        _attachment(part, body)


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" or bool(_filename(part))


def _is_body_text(part: Message) -> bool:
    return part.get_content_type() in ("text/plain", "text/html") and not _is_attachment(part)


def _text_of(part: Message) -> str:
    payload = part.get_payload(decode=True) or b""
    text = decode_bytes(payload, part.get_content_charset())
    return html_to_text(text) if part.get_content_type() == "text/html" else text


def _alternative(part: Message, body: _Body) -> None:
    """multipart/alternative: the plain-text version when it has text, else the richest one (HTML)."""
    children = part.get_payload()
    for child in children:
        if child.get_content_type() == "text/plain" and not _is_attachment(child):
            text = _text_of(child)
            if text.strip():
                body.texts.append(text)
                return
    for child in reversed(children):
        if child.get_content_type() == "text/html" or child.is_multipart():
            _walk(child, body)
            return


def _forwarded(part: Message, body: _Body) -> None:
    """A forwarded message (message/rfc822): its text follows a header line, its files are attachments."""
    inner = part.get_payload()
    inner = inner[0] if isinstance(inner, list) and inner else inner
    if not isinstance(inner, Message):
        return
    headers = read_headers(inner)
    forwarded = _Body()
    _walk(inner, forwarded)
    sender = f"{headers.sender_name} <{headers.sender_address}>" if headers.sender_name else headers.sender_address
    lines = [_("---------- Forwarded message ----------"), _("From: %(sender)s") % {"sender": sender}]
    if headers.date:
        lines.append(_("Date: %(date)s") % {"date": headers.date.isoformat()})
    lines.append(_("Subject: %(subject)s") % {"subject": headers.subject})
    body.texts.append("\n".join(lines) + "\n\n" + "\n\n".join(forwarded.texts))
    body.attachments += forwarded.attachments
    body.refusals += forwarded.refusals
    body.skipped += forwarded.skipped


def _filename(part: Message) -> str:
    try:
        name = part.get_filename() or part.get_param("name") or ""
    except Exception:  # a broken parameter: the file is still kept, under a generic name
        name = ""
    if isinstance(name, tuple):  # an RFC 2231 value compat32 did not collapse
        name = email.utils.collapse_rfc2231_value(name)
    return decode_header_value(str(name))


def _attachment(part: Message, body: _Body) -> None:
    content = part.get_payload(decode=True) or b""
    try:
        body.attachments.append(check_attachment(_filename(part), content))
    except AttachmentRefused as refusal:
        body.refusals.append(refusal)
