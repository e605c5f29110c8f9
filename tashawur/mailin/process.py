"""One service for every way mail comes in (pipe, SMTP, IMAP, replay): decide what a stored message becomes.

Res. 1336 rule 8: stakeholders may respond by e-mail to the announced address.
A stored message is accepted (one response per consultation addressed, one
acknowledgement), refused with one clear reply, or ignored without reply when
a machine sent it (RFC 3834 auto-replies, RFC 3464 bounces, null senders), so
that no mail loop can start. Its raw bytes are never deleted.
"""

import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from tashawur.mailin import replies
from tashawur.mailin.errors import MessageTooLarge, UnknownAddress, UnreadableMessage
from tashawur.mailin.models import InboundMessage, Outcome
from tashawur.mailin.parse import Headers, ParsedMessage, header_only, parse_message
from tashawur.mailin.routing import consultations_for, split_address
from tashawur.mailin.store import NULL_SENDER
from tashawur.responses.errors import ResponseError
from tashawur.responses.models import Channel
from tashawur.responses.notifications import queue_mail
from tashawur.responses.services import Submission, check_open, submit_response

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProcessOutcome:
    outcome: str
    reason: str = ""
    response_ids: tuple[int, ...] = ()
    message_id: str = ""

    def as_json(self) -> str:
        return json.dumps({"outcome": self.outcome, "reason": self.reason, "message_id": self.message_id,
                           "response_ids": list(self.response_ids)})


@dataclass
class _Decision:
    outcome: str
    reason: str = ""
    detail: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)
    reply: replies.Reply | None = None


def process_message(inbound: InboundMessage) -> ProcessOutcome:
    """Decide and record what the message becomes, all in one transaction with its replies.

    A message already decided is a duplicate: nothing changes, nothing is sent.
    An unexpected error (the database is down...) leaves it ``failed``, to be
    processed again by ``process_pending`` or the MTA's retry.
    """
    try:
        with transaction.atomic(durable=True):
            locked = InboundMessage.objects.select_for_update().get(pk=inbound.pk)
            if locked.outcome not in (Outcome.PENDING, Outcome.FAILED):
                result = _duplicate(locked)
            else:
                result = _record(locked, _decide(locked))
    except Exception as exc:
        log.exception("mail failed inbound=%s message_id=%s", inbound.pk, inbound.message_id)
        _record_failure(inbound, exc)
        return ProcessOutcome(Outcome.FAILED, "error", (), inbound.message_id)
    log.info("mail processed %s", json.dumps({"inbound": inbound.pk, **json.loads(result.as_json())}))
    return result


def _duplicate(inbound: InboundMessage) -> ProcessOutcome:
    ids = tuple(inbound.responses.order_by("pk").values_list("pk", flat=True))
    return ProcessOutcome(Outcome.IGNORED, "duplicate", ids, inbound.message_id)


def _record(inbound: InboundMessage, decision: _Decision) -> ProcessOutcome:
    inbound.outcome, inbound.reason = decision.outcome, decision.reason
    inbound.detail = "\n".join(decision.detail)
    inbound.processed_at = timezone.now()
    inbound.attempts += 1
    inbound.save(update_fields=["outcome", "reason", "detail", "processed_at", "attempts", "sender", "subject"])
    ids = tuple(response.pk for response in decision.responses)
    return ProcessOutcome(decision.outcome, decision.reason, ids, inbound.message_id)


def _record_failure(inbound: InboundMessage, exc: Exception) -> None:
    try:
        with transaction.atomic(durable=True):
            InboundMessage.objects.filter(pk=inbound.pk, outcome__in=[Outcome.PENDING, Outcome.FAILED]).update(
                outcome=Outcome.FAILED, reason="error", detail=f"{type(exc).__name__}: {exc}"[:2000],
                attempts=F("attempts") + 1,
            )
    except Exception:  # the database itself is gone: the row stays as it was, the MTA retries
        log.warning("mail failure not recorded inbound=%s", inbound.pk, exc_info=True)


def _decide(inbound: InboundMessage) -> _Decision:
    oversized = inbound.size > settings.MESSAGE_MAX_BYTES
    parsed, readable = _read(inbound, oversized)
    headers = parsed.headers
    inbound.sender = _sender_label(headers)[:998]
    inbound.subject = headers.subject
    if reason := ignore_reason(inbound, headers):
        return _Decision(Outcome.IGNORED, reason)
    consultations = consultations_for([*inbound.envelope_recipients, *headers.recipients])
    if oversized:
        error = MessageTooLarge(size=filesizeformat(inbound.size), limit=filesizeformat(settings.MESSAGE_MAX_BYTES))
        return _refuse(inbound, parsed, consultations, [(None, error)])
    if not readable:
        return _refuse(inbound, parsed, consultations, [(None, UnreadableMessage())])
    if not consultations:
        return _refuse(inbound, parsed, consultations, [(None, UnknownAddress(addresses=_addressed(inbound, headers)))])
    return _submit(inbound, parsed, consultations)


def _read(inbound: InboundMessage, oversized: bool) -> tuple[ParsedMessage, bool]:
    """The parsed message and whether its body could be read; a message too large is read for its header only."""
    raw = bytes(inbound.raw)
    if oversized:
        return ParsedMessage(headers=header_only(raw)), True
    try:
        return parse_message(raw), True
    except Exception:  # neither policy could read it: it is refused as unreadable, and kept
        log.warning("mail unreadable inbound=%s", inbound.pk, exc_info=True)
        return ParsedMessage(headers=header_only(raw)), False


def _sender_label(headers: Headers) -> str:
    if headers.sender_name:
        return f"{headers.sender_name} <{headers.sender_address}>"
    return headers.sender_address


def _addressed(inbound: InboundMessage, headers: Headers) -> str:
    return ", ".join(dict.fromkeys([*inbound.envelope_recipients, *headers.recipients])) or "-"


def ignore_reason(inbound: InboundMessage, headers: Headers) -> str:
    """Mail a machine sent, or that cannot be answered, is kept and ignored: no reply, no response.

    RFC 3464 bounces and RFC 3834 auto-replies (Auto-Submitted other than "no",
    X-Autoreply, Precedence) are recognised by their headers, never by their
    subject alone, so a real response titled "Out of office" is not lost.
    """
    envelope = inbound.envelope_sender.strip()
    if headers.bounce or split_address(envelope)[0] == "mailer-daemon" or envelope.lower() == "mailer-daemon":
        return "bounce"
    if headers.read_receipt:
        return "read_receipt"
    if headers.auto_reply:
        return "auto_reply"
    if headers.bulk:
        return "bulk"
    if envelope == NULL_SENDER or headers.null_return_path:
        return "null_sender"
    if not headers.sender_address:
        return "no_sender"
    return ""


def _refuse(inbound, parsed, consultations, errors) -> _Decision:
    text = f"{parsed.headers.subject}\n{parsed.text}"
    reply = replies.refusal(
        inbound=inbound, subject=parsed.headers.subject, errors=errors, consultations=consultations,
        languages=replies.reply_languages(text, consultations),
    )
    detail = [f"{consultation.slug if consultation else '-'}: {error.code}: {error.message}"
              for consultation, error in errors]
    decision = _Decision(Outcome.REFUSED, getattr(errors[0][1], "reason", errors[0][1].code), detail, reply=reply)
    _send(inbound, parsed.headers, decision)
    return decision


def _submit(inbound, parsed, consultations) -> _Decision:
    """One response per consultation addressed; a closed consultation or a refused file is explained."""
    closed = []
    for consultation in consultations:
        try:
            check_open(consultation, inbound.received_at)
        except ResponseError as error:
            closed.append((consultation, error))
    if len(closed) == len(consultations):
        return _refuse(inbound, parsed, consultations, closed)
    if parsed.refusals:
        return _refuse(inbound, parsed, consultations, [(None, refusal) for refusal in parsed.refusals])
    responses, refused = [], list(closed)
    for consultation in (c for c in consultations if c not in {owner for owner, _error in closed}):
        try:
            responses.append(submit_response(submission=_submission(inbound, parsed, consultation)).response)
        except ResponseError as error:
            refused.append((consultation, error))
    if not responses:
        return _refuse(inbound, parsed, consultations, refused)
    return _accept(inbound, parsed, responses, refused)


def _submission(inbound, parsed, consultation) -> Submission:
    headers = parsed.headers
    return Submission(
        consultation=consultation, channel=Channel.EMAIL, received_at=inbound.received_at, body=parsed.text,
        attachments=parsed.attachments, author_name=headers.sender_name, author_email=headers.sender_address,
        idempotency_key=idempotency_key(inbound, consultation), inbound_message=inbound,
    )


def idempotency_key(inbound: InboundMessage, consultation) -> str:
    """One response per message and consultation, whatever the number of deliveries (fits 300 characters)."""
    key = inbound.dedupe_key
    if len(key) > 250:
        key = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
    return f"email:{key}:{consultation.pk}"


def _accept(inbound, parsed, responses, refused) -> _Decision:
    consultations = [response.consultation for response in responses]
    text = f"{parsed.headers.subject}\n{parsed.text}"
    reply = replies.acknowledgement(
        inbound=inbound, subject=parsed.headers.subject, responses=responses, refused=refused,
        languages=replies.reply_languages(text, consultations),
    )
    detail = [f"{response.consultation.slug}: {response.receipt_number}" for response in responses]
    detail += [f"{consultation.slug}: {error.code}: {error.message}" for consultation, error in refused]
    detail += [f"skipped: {name}" for name in parsed.skipped]
    decision = _Decision(Outcome.ACCEPTED, "", detail, responses=responses, reply=reply)
    _send(inbound, parsed.headers, decision)
    return decision


def _send(inbound, headers: Headers, decision: _Decision) -> None:
    """Queue the one reply; a sender who asked for no automatic replies (X-Auto-Response-Suppress) gets none."""
    if headers.suppress_replies:
        decision.detail.append("reply suppressed: X-Auto-Response-Suppress")
        return
    reply = decision.reply
    queue_mail(
        kind=reply.kind, to=headers.sender_address, subject=reply.subject, body=reply.body, language=reply.language,
        inbound=inbound, response=None, in_reply_to=headers.message_id,
    )
