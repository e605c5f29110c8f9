"""Build responses in any state for the moderation, public-page and export tests.

Published responses are built straight in the database (the moderation tests go
through the services and the admin); attachments go through the real checks.
"""

import datetime as dt
import hashlib

from tashawur.mailin.models import InboundMessage
from tashawur.responses.attachments import check_attachment
from tashawur.responses.models import Answer, AuditEvent, ModerationAction, Response
from tashawur.responses.services import new_receipt_number, store_attachment



def tiny_pdf(text: str) -> bytes:
    """A valid one-page PDF whose text (ASCII) pypdf can extract."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF_BYTES = tiny_pdf("Position paper of the Digital Rights Lab")


def make_response(
    consultation, *, status="published", publication="named", channel="web", answers=("An answer.",), body="",
    author_name="Amina Haddad", author_email="amina@example.org", organisation="Digital Rights Lab",
    country="TN", stakeholder_group="civil_society", language="en",
    received_at=dt.datetime(2016, 12, 1, 12, tzinfo=dt.UTC), attachments=(), meeting=None, message_id=None,
    rejection_reason="",
):
    inbound = None
    if message_id is not None:
        raw = f"Message-ID: {message_id}\r\nFrom: {author_email}\r\nSubject: Response\r\n\r\n{body}\r\n".encode()
        inbound = InboundMessage.objects.create(
            raw=raw, size=len(raw), sha256=hashlib.sha256(raw).hexdigest(), message_id=message_id,
            dedupe_key=message_id, via="pipe", received_at=received_at, outcome="accepted",
        )
    response = Response.objects.create(
        consultation=consultation, receipt_number=new_receipt_number(), channel=channel, status=status,
        publication=publication, author_name=author_name, author_email=author_email, organisation=organisation,
        country=country, stakeholder_group=stakeholder_group, language=language, body=body,
        received_at=received_at, meeting=meeting, inbound_message=inbound, rejection_reason=rejection_reason,
        published_at=received_at if status == "published" else None,
    )
    questions = list(consultation.topic.questions.order_by("position"))
    Answer.objects.bulk_create(
        Answer(response=response, question=question, text=text)
        for question, text in zip(questions, answers) if text
    )
    for filename, content in attachments:
        store_attachment(response, check_attachment(filename, content))
    AuditEvent.objects.create(response=response, action=ModerationAction.RECEIVED, details={"channel": channel})
    return response
