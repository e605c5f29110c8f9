"""Store first: the raw bytes of a message are committed before anything reads them.

Res. 1336 rule 8 (responses by e-mail) and our "never lost" rule: whatever
becomes of a message, its bytes stay for the secretariat. The Message-ID (or
the SHA-256 of the bytes when there is none) makes a redelivery harmless.
"""

import hashlib
import logging
from datetime import datetime
from email import policy
from email.parser import BytesHeaderParser

from django.db import IntegrityError, transaction
from django.utils import timezone

from tashawur.mailin.models import InboundMessage
from tashawur.mailin.parse import normalise_message_id

log = logging.getLogger(__name__)

NULL_SENDER = "<>"
_KEY_LIMIT = 900  # dedupe_key holds 998 characters; a longer Message-ID is keyed by its hash


def message_id_of(raw: bytes) -> str:
    try:
        header = BytesHeaderParser(policy=policy.compat32).parsebytes(raw).get("message-id")
    except Exception:  # a header too broken to read: the message is keyed by its bytes
        return ""
    return normalise_message_id(str(header)) if header else ""


def dedupe_key(message_id: str, sha256: str) -> str:
    if not message_id:
        return f"sha256:{sha256}"
    if len(message_id) > _KEY_LIMIT:
        return f"message-id-sha256:{hashlib.sha256(message_id.encode()).hexdigest()}"
    return message_id


def store_message(
    raw: bytes, *, via: str, envelope_sender: str = "", envelope_recipients=(), received_at: datetime | None = None,
) -> tuple[InboundMessage, bool]:
    """Commit the raw message in its own transaction; a redelivery returns the row already stored.

    ``envelope_sender`` is ``"<>"`` for the null sender of bounces, "" when unknown.
    """
    sha256 = hashlib.sha256(raw).hexdigest()
    message_id = message_id_of(raw)
    key = dedupe_key(message_id, sha256)
    existing = InboundMessage.objects.defer("raw").filter(dedupe_key=key).first()
    if existing is not None:
        log.info("mail redelivered inbound=%s message_id=%s via=%s", existing.pk, message_id, via)
        return existing, False
    fields = dict(
        raw=raw, size=len(raw), sha256=sha256, message_id=message_id[:998], dedupe_key=key, via=via,
        envelope_sender=envelope_sender[:998], envelope_recipients=[str(address) for address in envelope_recipients],
        received_at=received_at or timezone.now(),
    )
    try:
        with transaction.atomic(durable=True):
            inbound = InboundMessage.objects.create(**fields)
    except IntegrityError:  # the same message stored a moment ago by another delivery
        return InboundMessage.objects.defer("raw").get(dedupe_key=key), False
    log.info("mail stored inbound=%s message_id=%s size=%s via=%s", inbound.pk, message_id, len(raw), via)
    return inbound, True
