"""Build the .eml corpus of the e-mail channel tests: `python tests/data/mail/make_corpus.py`.

Each message is written byte by byte as real clients send them (legacy charsets,
mislabelled charsets, 8-bit bodies, RFC 2047 and RFC 2231 encodings, forwarded
messages, attachments, machine-sent mail). The output is deterministic: running
the script again gives the same files. Attachments are also written to
``attachments.json`` (name -> SHA-256) so tests check the decoded bytes.
"""

import base64
import hashlib
import io
import json
import quopri
import zipfile
from email.header import Header
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
DOMAIN = "consult.itu.example"
TO = f"development-aspects@{DOMAIN}"
OTHER = f"gender-divide@{DOMAIN}"
DATE = "Thu, 01 Dec 2016 10:00:00 +0100"
ZIP_TIME = (2016, 12, 1, 0, 0, 0)

ARABIC = (
    "نرى أن الوصول الميسور إلى الإنترنت هو الشرط الأول للتنمية في البلدان النامية، "
    "وندعو إلى خفض تكاليف التوصيل الدولي وتشجيع نقاط تبادل الإنترنت المحلية."
)
RUSSIAN = (
    "Мы считаем, что доступный Интернет является первым условием развития. "
    "Необходимо снизить стоимость международного подключения и поддержать точки обмена трафиком."
)
CHINESE_SIMPLIFIED = "我们认为，可负担的互联网接入是发展的首要条件。朱镕基曾强调基础设施建设的重要性。"  # 镕 is GBK only
CHINESE_TRADITIONAL = "我們認為，可負擔的網際網路接入是發展的首要條件，並應降低國際連線成本。"
ENGLISH = "Affordable access is the first condition of development; international connectivity costs must fall."
FRENCH = "Nous estimons que l'accès abordable à l'Internet est la première condition du développement."


# --- encodings -----------------------------------------------------------------------------------

def b64(data: bytes) -> str:
    text = base64.b64encode(data).decode()
    return "\r\n".join(text[i:i + 76] for i in range(0, len(text), 76))


def qp(text: str, charset: str = "utf-8") -> str:
    return quopri.encodestring(text.encode(charset)).decode().replace("\n", "\r\n")


def words(text: str, charset: str = "utf-8") -> str:
    """RFC 2047 encoded words, folded as mail clients fold them."""
    return Header(text, charset).encode(linesep="\r\n")


def head(**fields) -> str:
    lines = []
    for name, value in fields.items():
        lines.append(f"{name.replace('_', '-')}: {value}")
    return "\r\n".join(lines)


def message(*, subject="Response to the consultation", sender="Amina Haddad <amina@example.org>", to=TO,
            message_id, extra="", content_type="text/plain; charset=utf-8", encoding="8bit", body="") -> bytes:
    header = head(From=sender, To=to, Subject=subject, Date=DATE, Message_ID=f"<{message_id}@example.org>",
                  MIME_Version="1.0")
    if extra:
        header += "\r\n" + extra
    if content_type:
        header += f"\r\nContent-Type: {content_type}"
    if encoding:
        header += f"\r\nContent-Transfer-Encoding: {encoding}"
    raw = header.encode("utf-8") + b"\r\n\r\n" + (body if isinstance(body, bytes) else body.encode("utf-8"))
    return raw if raw.endswith(b"\r\n") else raw + b"\r\n"


def multipart(kind: str, boundary: str, parts: list[bytes | str]) -> tuple[str, bytes]:
    chunks = []
    for part in parts:
        chunks.append(f"--{boundary}\r\n".encode() + (part if isinstance(part, bytes) else part.encode("utf-8")))
    body = b"This is a multi-part message in MIME format.\r\n\r\n" + b"\r\n".join(chunks)
    return f'multipart/{kind}; boundary="{boundary}"', body + f"\r\n--{boundary}--\r\n".encode()


def text_part(text: str, charset: str = "utf-8", subtype: str = "plain") -> str:
    return (f"Content-Type: text/{subtype}; charset={charset}\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + qp(text, charset))


def file_part(content_type: str, disposition: str, content: bytes) -> str:
    return (f"Content-Type: {content_type}\r\nContent-Disposition: {disposition}\r\n"
            f"Content-Transfer-Encoding: base64\r\n\r\n{b64(content)}")


# --- files -----------------------------------------------------------------------------------------

def pdf(lines: list[str]) -> bytes:
    """A minimal valid PDF 1.4 with one page of Latin text in Helvetica (a standard font, not embedded)."""
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    text = "BT /F1 12 Tf 16 TL 72 720 Td " + " ".join(f"({line}) Tj T*" for line in escaped) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def rezip(entries: dict[str, bytes], first: str | None = None) -> bytes:
    """A zip with fixed timestamps (deterministic); ``first`` is stored uncompressed first (ODF mimetype)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in ([first] if first else []) + sorted(name for name in entries if name != first):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == first else zipfile.ZIP_DEFLATED
            archive.writestr(info, entries[name])
    return out.getvalue()


def docx(paragraphs: list[str]) -> bytes:
    import datetime as dt

    import docx as python_docx

    document = python_docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    stamp = dt.datetime(2016, 12, 1)
    document.core_properties.created = document.core_properties.modified = stamp
    document.core_properties.author = "Amina Haddad"
    document.core_properties.last_modified_by = "Amina Haddad"
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return rezip({name: archive.read(name) for name in archive.namelist()})


def odt(paragraphs: list[str]) -> bytes:
    body = "".join(f"<text:p>{paragraph}</text:p>" for paragraph in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return rezip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": content.encode(),
                  "META-INF/manifest.xml": manifest.encode()}, first="mimetype")


def docm() -> bytes:
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/word/document.xml" ContentType="application/'
        'vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
    )
    return rezip({"[Content_Types].xml": types.encode(), "word/document.xml": b"<w:document/>",
                  "word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 macro"})


EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"This program cannot be run in DOS mode." * 4
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
PDF_RESPONSE = pdf(["Response of the Digital Rights Lab", ENGLISH, "Capacity building matters."])
DOCX_RESPONSE = docx([ARABIC, ENGLISH])
ODT_RESPONSE = odt([FRENCH, "Multilinguisme et renforcement des capacités."])
TXT_CP1256 = ARABIC.encode("cp1256")
ATTACHMENTS = {"pdf": PDF_RESPONSE, "docx": DOCX_RESPONSE, "odt": ODT_RESPONSE, "txt_cp1256": TXT_CP1256,
               "exe": EXECUTABLE, "docm": docm(), "png": PNG}


# --- the messages ----------------------------------------------------------------------------------

def with_attachment(message_id: str, text: str, content_type: str, disposition: str, content: bytes,
                    subject="Response with a document") -> bytes:
    kind, body = multipart("mixed", f"b-{message_id}", [text_part(text), file_part(content_type, disposition, content)])
    return message(message_id=message_id, subject=subject, content_type=kind, encoding="", body=body)


def corpus() -> dict[str, bytes]:
    mails = {}
    mails["plain_utf8_arabic"] = message(
        message_id="plain-arabic", sender="Amina Haddad <amina@example.org>",
        subject=words("ردّ على المشاورة"), body=ARABIC + "\r\n\r\n-- \r\nأمينة حداد\r\n")
    mails["raw_utf8_headers"] = message(  # RFC 6532: UTF-8 straight in the header, no encoded words
        message_id="raw-headers", sender="أمينة حداد <amina@example.org>", subject="رأي في المشاورة",
        body=ARABIC)
    mails["encoded_words_arabic"] = message(
        message_id="words-arabic", sender=f"{words('أمينة حداد')} <amina@example.org>",
        subject=words("الجوانب الإنمائية للإنترنت: رأينا"), encoding="quoted-printable", body=qp(ARABIC))
    mails["encoded_words_chinese"] = message(
        message_id="words-chinese", sender=f"{words('李明', 'gb2312')} <li.ming@example.cn>",
        subject=words("关于互联网发展的意见", "gb2312"), encoding="base64", body=b64(CHINESE_SIMPLIFIED.encode()))
    name = "رأي المنظمة.pdf"
    encoded_name = quote(name.encode("utf-8"), safe="")
    mails["rfc2231_arabic_filename"] = with_attachment(
        "rfc2231", "Please find our response attached.", "application/pdf",
        f"attachment;\r\n filename*=utf-8''{encoded_name}", PDF_RESPONSE)
    mails["windows1256_body"] = message(
        message_id="cp1256", content_type="text/plain; charset=windows-1256", body=ARABIC.encode("cp1256"))
    mails["koi8r_body"] = message(
        message_id="koi8r", sender="Ivan Petrov <ivan@example.ru>", content_type="text/plain; charset=koi8-r",
        body=RUSSIAN.encode("koi8-r"))
    mails["gb2312_body"] = message(
        message_id="gb2312", sender="Li Ming <li.ming@example.cn>", content_type="text/plain; charset=gb2312",
        body=CHINESE_SIMPLIFIED.encode("gbk"))
    mails["big5_body"] = message(
        message_id="big5", sender="Chen Wei <chen@example.tw>", content_type="text/plain; charset=big5",
        body=CHINESE_TRADITIONAL.encode("big5"))
    mails["mislabelled_latin1_is_cp1256"] = message(
        message_id="mislabel-cp1256", content_type="text/plain; charset=iso-8859-1", body=ARABIC.encode("cp1256"))
    mails["mislabelled_latin1_is_utf8"] = message(
        message_id="mislabel-utf8", content_type="text/plain; charset=iso-8859-1", body=ARABIC.encode("utf-8"))
    mails["eightbit_no_charset"] = message(
        message_id="8bit", content_type="text/plain", body=(ARABIC + "\r\n" + FRENCH).encode("utf-8"))
    mails["html_only"] = message(
        message_id="html", content_type="text/html; charset=utf-8", encoding="quoted-printable",
        body=qp(f"<html><body><p dir='rtl'>{ARABIC}</p><ul><li>Affordable access</li><li>IXPs</li></ul>"
                f"<p>Regards,<br><b>Digital Rights Lab</b></p></body></html>"))
    kind, body = multipart("alternative", "alt-1", [
        text_part(ENGLISH + "\r\n\r\n> On 28 Oct 2016 the secretariat wrote:\r\n> Please answer the questions.\r\n"),
        text_part(f"<html><body><p>HTML VERSION {ENGLISH}</p></body></html>", subtype="html")])
    mails["alternative"] = message(message_id="alternative", content_type=kind, encoding="", body=body)
    mails["forwarded"] = forwarded()
    mails["pdf_attachment"] = with_attachment(
        "pdf", "Our response is attached.", "application/pdf", 'attachment; filename="response.pdf"', PDF_RESPONSE)
    mails["docx_attachment"] = with_attachment(
        "docx", "Our response is attached.", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        'attachment; filename="response.docx"', DOCX_RESPONSE)
    mails["odt_attachment"] = with_attachment(
        "odt", "Notre réponse est jointe.", "application/vnd.oasis.opendocument.text",
        'attachment; filename="reponse.odt"', ODT_RESPONSE)
    mails["txt_cp1256_attachment"] = with_attachment(
        "txt", "Our response is attached as text.", "text/plain; charset=windows-1256",
        'attachment; filename="response.txt"', TXT_CP1256)
    mails["executable_named_pdf"] = with_attachment(
        "exe", "Our response is attached.", "application/pdf", 'attachment; filename="report.pdf"', EXECUTABLE)
    mails["macro_docm"] = with_attachment(
        "docm", "Our response is attached.", "application/vnd.ms-word.document.macroEnabled.12",
        'attachment; filename="response.docm"', ATTACHMENTS["docm"])
    mails["unsupported_image"] = with_attachment(
        "png", "A photo of our workshop.", "image/png", 'attachment; filename="workshop.png"', PNG)
    mails.update(machine_mail())
    mails.update(refusals())
    return mails


def forwarded() -> bytes:
    inner = message(
        message_id="inner", sender=f"{words('أمينة حداد')} <amina@example.org>", to="colleague@example.org",
        subject=words("رأينا في المشاورة"), content_type="text/plain; charset=windows-1256",
        body=ARABIC.encode("cp1256"))
    kind, body = multipart("mixed", "fwd-1", [
        text_part("Forwarding the response of our member organisation, as agreed."),
        b"Content-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n" + inner,
    ])
    return message(message_id="forwarded", sender="Secretariat of DRL <office@example.org>",
                   subject="Fwd: response", content_type=kind, encoding="", body=body)


def machine_mail() -> dict[str, bytes]:
    mails = {}
    mails["auto_replied"] = message(
        message_id="auto", subject="Automatic reply: Response received", extra="Auto-Submitted: auto-replied",
        body="I am away until 9 January.")
    mails["out_of_office"] = message(
        message_id="ooo", subject="Out of Office", extra="X-Autoreply: yes\r\nPrecedence: auto_reply",
        body="I am out of the office with limited access to e-mail.")
    mails["bulk_newsletter"] = message(
        message_id="bulk", subject="Newsletter December 2016", extra="Precedence: bulk",
        body="Our monthly news about digital rights.")
    report = (
        "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; nobody@example.org\r\n"
        "Action: failed\r\nStatus: 5.1.1\r\n"
    )
    kind, body = multipart("report; report-type=delivery-status", "dsn-1", [
        text_part("Your message could not be delivered to nobody@example.org."),
        f"Content-Type: message/delivery-status\r\n\r\n{report}",
        "Content-Type: text/rfc822-headers\r\n\r\nFrom: Tashawur <noreply@consult.itu.example>\r\n"
        "Subject: Response received\r\n",
    ])
    mails["dsn_bounce"] = message(
        message_id="dsn", sender="Mail Delivery System <MAILER-DAEMON@mx.example.org>",
        subject="Undelivered Mail Returned to Sender", extra="Return-Path: <>", content_type=kind, encoding="",
        body=body)
    mails["null_sender"] = message(
        message_id="null", subject="Delivery notice", extra="Return-Path: <>", body="A notice from a machine.")
    mails["no_from"] = (
        f"To: {TO}\r\nSubject: No sender\r\nDate: {DATE}\r\nMessage-ID: <nofrom@example.org>\r\n\r\n{ENGLISH}\r\n"
    ).encode()
    mails["suppress_auto_response"] = message(
        message_id="suppress", extra="X-Auto-Response-Suppress: All", body=ENGLISH)
    mails["human_out_of_office_subject"] = message(
        message_id="human-ooo", subject="Out of office workers and the digital divide", body=ENGLISH)
    return mails


def refusals() -> dict[str, bytes]:
    mails = {}
    mails["unknown_address"] = message(message_id="unknown", to=f"no-such-consultation@{DOMAIN}", body=ARABIC)
    mails["empty"] = message(message_id="empty", subject="", body="\r\n  \r\n")
    mails["late"] = message(message_id="late", subject="Late response", body=ENGLISH)
    mails["early"] = message(message_id="early", subject="Early response", body=ARABIC)
    mails["two_consultations"] = message(
        message_id="two", subject="Response to both consultations", extra=f"Cc: Gender <{OTHER}>", body=ENGLISH)
    mails["plus_address_uppercase"] = message(
        message_id="plus", to=f"Development-Aspects+fr@{DOMAIN.upper()}", body=FRENCH)
    mails["alias_address"] = message(message_id="alias", to="cwg-internet@itu.example", body=ENGLISH)
    mails["duplicate_message_id"] = message(
        message_id="plain-arabic", subject="The same message, delivered again", extra="X-Redelivered: yes",
        body=ARABIC)
    kind, related = multipart("related", "rel-1", [
        text_part(f"<html><body><p>{ENGLISH}</p><img src='cid:logo'></body></html>", subtype="html"),
        "Content-Type: image/png\r\nContent-ID: <logo>\r\nContent-Disposition: inline\r\n"
        f"Content-Transfer-Encoding: base64\r\n\r\n{b64(PNG)}",
    ])
    mails["html_with_inline_logo"] = message(message_id="related", content_type=kind, encoding="", body=related)
    return mails


def main() -> None:
    for path in HERE.glob("*.eml"):
        path.unlink()
    for name, raw in corpus().items():
        (HERE / f"{name}.eml").write_bytes(raw)
    hashes = {name: hashlib.sha256(content).hexdigest() for name, content in ATTACHMENTS.items()}
    (HERE / "attachments.json").write_text(json.dumps(hashes, indent=2, sort_keys=True) + "\n")
    print(f"{len(corpus())} messages written to {HERE}")


if __name__ == "__main__":
    main()
