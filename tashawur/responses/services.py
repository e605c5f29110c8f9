"""One way in for every channel (web, e-mail, API, oral statements), and moderation.

Res. 1336 rule 8: stakeholders respond online or by e-mail; every input is kept
and, unless its author chose otherwise, published on the consultation's page.
"""

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tashawur.consultations.models import Consultation
from tashawur.core.errors import NotAllowed
from tashawur.groups import permissions
from tashawur.responses.attachments import CheckedFile, store_content
from tashawur.responses.errors import EmptyResponse, InvalidResponse, InvalidTransition, SubmissionClosed, SubmissionNotOpen
from tashawur.responses.language import detect_language
from tashawur.responses.models import (
    Answer, Attachment, AuditEvent, Channel, ModerationAction, Publication, RejectionReason, Response, StakeholderGroup,
    Status,
)
from tashawur.rules import accepts_responses, local_date

_RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U


@dataclass
class AnswerInput:
    text: str
    html: str = ""


@dataclass
class Submission:
    """What a respondent sent, from whatever channel, already decoded."""

    consultation: Consultation
    channel: str
    received_at: datetime
    answers: dict[int, AnswerInput] = field(default_factory=dict)  # question id -> answer
    body: str = ""
    attachments: list[CheckedFile] = field(default_factory=list)
    author_name: str = ""
    author_email: str = ""
    organisation: str = ""
    country: str = ""
    stakeholder_group: str = ""
    publication: str = Publication.NAMED
    idempotency_key: str | None = None
    inbound_message: object = None
    meeting: object = None
    requires_confirmation: bool = False


@dataclass(frozen=True)
class SubmissionResult:
    response: Response
    created: bool
    access_token: str | None  # only when created: the secret for the respondent's own link


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_receipt_number() -> str:
    code = "".join(secrets.choice(_RECEIPT_ALPHABET) for _ in range(8))
    return f"R-{code[:4]}-{code[4:]}"


def check_open(consultation: Consultation, received_at: datetime) -> None:
    """Res. 1336 rule 4: responses are accepted from the opening day to the deadline, in the group's time zone."""
    from tashawur.consultations.selectors import consultation_schedule

    schedule = consultation_schedule(consultation)
    zone = consultation.group.zone
    if accepts_responses(schedule, now=received_at, tz=zone):
        return
    title = consultation.display_title()
    if schedule.opens_on is None or local_date(received_at, zone) < schedule.opens_on:
        raise SubmissionNotOpen(title=title)
    raise SubmissionClosed(
        title=title, deadline=schedule.response_deadline.isoformat(), zone=consultation.group.time_zone,
        received=received_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
    )


def _validate(submission: Submission) -> None:
    errors = []
    if submission.author_email:
        try:
            validate_email(submission.author_email)
        except ValidationError:
            errors.append(_("The e-mail address %(address)s is not valid.") % {"address": submission.author_email})
    if submission.country and pycountry.countries.get(alpha_2=submission.country.upper()) is None:
        errors.append(_("%(code)s is not a country code.") % {"code": submission.country})
    if submission.stakeholder_group and submission.stakeholder_group not in StakeholderGroup.values:
        errors.append(_("Unknown stakeholder group: %(group)s.") % {"group": submission.stakeholder_group})
    if submission.publication not in Publication.values:
        errors.append(_("Unknown publication choice: %(choice)s.") % {"choice": submission.publication})
    question_ids = set(submission.consultation.topic.questions.values_list("pk", flat=True))
    if set(submission.answers) - question_ids:
        errors.append(_("An answer refers to a question of another consultation."))
    if errors:
        raise InvalidResponse(" ".join(errors))
    has_text = submission.body.strip() or any(answer.text.strip() for answer in submission.answers.values())
    if not has_text and not submission.attachments:
        raise EmptyResponse()


def submit_response(*, submission: Submission, actor=None) -> SubmissionResult:
    """Accept a response from any channel; a retry with the same idempotency key changes nothing.

    Oral statements are recorded by the secretariat after the deadline by
    nature (the physical meeting follows it), so the deadline does not apply to them.
    """
    key = submission.idempotency_key
    if key and (existing := Response.objects.filter(idempotency_key=key).first()):
        return SubmissionResult(existing, created=False, access_token=None)
    consultation = submission.consultation
    if submission.channel == Channel.ORAL:
        if not permissions.can_manage_group(actor, consultation.group):
            raise NotAllowed()
        if submission.meeting is None:
            raise InvalidResponse(_("An oral statement is recorded with the meeting where it was made."))
    else:
        check_open(consultation, submission.received_at)
    _validate(submission)
    token = secrets.token_urlsafe(24)
    try:
        with transaction.atomic():
            response = _create(submission, token)
    except IntegrityError:
        if key and (existing := Response.objects.filter(idempotency_key=key).first()):
            return SubmissionResult(existing, created=False, access_token=None)
        raise
    return SubmissionResult(response, created=True, access_token=token)


def _create(submission: Submission, token: str) -> Response:
    texts = [submission.body, *(answer.text for answer in submission.answers.values())]
    texts += [attachment.extracted_text for attachment in submission.attachments]
    response = Response.objects.create(
        consultation=submission.consultation,
        receipt_number=_unique_receipt_number(),
        channel=submission.channel,
        status=Status.UNCONFIRMED if submission.requires_confirmation else Status.RECEIVED,
        publication=submission.publication,
        author_name=submission.author_name.strip()[:200],
        author_email=submission.author_email.strip().lower()[:254],
        organisation=submission.organisation.strip()[:300],
        country=submission.country.upper(),
        stakeholder_group=submission.stakeholder_group,
        language=detect_language("\n".join(text for text in texts if text)),
        body=submission.body,
        received_at=submission.received_at,
        idempotency_key=submission.idempotency_key,
        access_token_hash=hash_token(token),
        inbound_message=submission.inbound_message,
        meeting=submission.meeting,
    )
    Answer.objects.bulk_create(
        Answer(response=response, question_id=question_id, text=answer.text, html=answer.html)
        for question_id, answer in submission.answers.items()
        if answer.text.strip()
    )
    for checked in submission.attachments:
        store_attachment(response, checked)
    AuditEvent.objects.create(response=response, action=ModerationAction.RECEIVED, details={"channel": submission.channel})
    return response


def _unique_receipt_number() -> str:
    while True:
        number = new_receipt_number()
        if not Response.objects.filter(receipt_number=number).exists():
            return number


def store_attachment(response: Response, checked: CheckedFile) -> Attachment:
    """Files are stored by content hash, so the same file sent twice is stored once."""
    path = store_content("attachments", checked)
    attachment = Attachment(
        response=response, filename=checked.filename, content_type=checked.content_type, size=checked.size,
        sha256=checked.sha256, extracted_text=checked.extracted_text,
    )
    attachment.file.name = path
    attachment.save()
    return attachment


# --- the respondent -------------------------------------------------------------------------

def response_for_token(receipt_number: str, token: str) -> Response | None:
    response = Response.objects.select_related("consultation__group", "consultation__topic").filter(
        receipt_number=receipt_number
    ).first()
    if response and secrets.compare_digest(response.access_token_hash, hash_token(token)):
        return response
    return None


def confirm_response(*, response: Response, now: datetime | None = None) -> bool:
    """The respondent's e-mail address is confirmed by the link: the response now counts.

    Returns False when it was already confirmed (a second click changes nothing).
    """
    with transaction.atomic():
        response = Response.objects.select_for_update().get(pk=response.pk)
        if response.status != Status.UNCONFIRMED:
            return False
        response.status = Status.RECEIVED
        response.confirmed_at = now or timezone.now()
        response.save(update_fields=["status", "confirmed_at"])
        AuditEvent.objects.create(response=response, action=ModerationAction.CONFIRMED)
    return True


def withdraw_response(*, response: Response, now: datetime | None = None) -> None:
    """The respondent withdraws until the deadline; the response is kept, marked withdrawn."""
    now = now or timezone.now()
    with transaction.atomic():
        response = Response.objects.select_for_update().select_related("consultation__group").get(pk=response.pk)
        if response.status in (Status.WITHDRAWN, Status.REJECTED):
            raise InvalidTransition(status=response.get_status_display())
        check_open(response.consultation, now)
        response.status = Status.WITHDRAWN
        response.withdrawn_at = now
        response.save(update_fields=["status", "withdrawn_at"])
        AuditEvent.objects.create(response=response, action=ModerationAction.WITHDRAWN)


# --- moderation by the secretariat ----------------------------------------------------------

def _moderate(actor, response: Response, allowed_from: set[str]) -> Response:
    if not permissions.can_manage_group(actor, response.consultation.group):
        raise NotAllowed()
    locked = Response.objects.select_for_update().get(pk=response.pk)
    if locked.status not in allowed_from:
        raise InvalidTransition(status=locked.get_status_display())
    return locked


def publish_response(*, actor, response: Response) -> Response:
    """Publish a received response on the consultation's page (rule 8); group-only ones go to the group only."""
    with transaction.atomic():
        locked = _moderate(actor, response, {Status.RECEIVED, Status.REJECTED})
        locked.status, locked.published_at, locked.rejection_reason = Status.PUBLISHED, timezone.now(), ""
        locked.save(update_fields=["status", "published_at", "rejection_reason"])
        AuditEvent.objects.create(response=locked, actor=actor, action=ModerationAction.PUBLISHED)
    return locked


def reject_response(*, actor, response: Response, reason: str, note: str = "") -> Response:
    """Reject with a reason; the response stays visible to the secretariat, never deleted."""
    if reason not in RejectionReason.values:
        raise InvalidResponse(_("Unknown rejection reason: %(reason)s.") % {"reason": reason})
    with transaction.atomic():
        locked = _moderate(actor, response, {Status.RECEIVED, Status.PUBLISHED})
        locked.status, locked.rejection_reason = Status.REJECTED, reason
        locked.save(update_fields=["status", "rejection_reason"])
        AuditEvent.objects.create(response=locked, actor=actor, action=ModerationAction.REJECTED, reason=reason,
                                  details={"note": note} if note else {})
    return locked


def restore_response(*, actor, response: Response, note: str = "") -> Response:
    """Return a published or rejected response to the moderation queue."""
    with transaction.atomic():
        locked = _moderate(actor, response, {Status.PUBLISHED, Status.REJECTED})
        locked.status, locked.rejection_reason = Status.RECEIVED, ""
        locked.save(update_fields=["status", "rejection_reason"])
        AuditEvent.objects.create(response=locked, actor=actor, action=ModerationAction.RESTORED,
                                  details={"note": note} if note else {})
    return locked


def redact_response(
    *, actor, response: Response, reason: str, body: str | None = None, answers: dict[int, str] | None = None,
    withheld_attachments: list[int] | None = None,
) -> Response:
    """Hide personal data from publication; the original stays for the secretariat, the change is logged."""
    if not reason.strip():
        raise InvalidResponse(_("Say why the response is redacted."))
    with transaction.atomic():
        locked = _moderate(actor, response, {Status.RECEIVED, Status.PUBLISHED, Status.REJECTED, Status.UNCONFIRMED})
        details = {}
        if body is not None:
            details["body"] = {"before": locked.public_body, "after": body}
            locked.redacted_body = body
            locked.save(update_fields=["redacted_body"])
        for answer in locked.answers.filter(pk__in=list((answers or {}).keys())):
            details.setdefault("answers", {})[str(answer.pk)] = {"before": answer.public_text, "after": answers[answer.pk]}
            answer.redacted_text = answers[answer.pk]
            answer.save(update_fields=["redacted_text"])
        if withheld_attachments:
            ids = list(locked.attachments.filter(pk__in=withheld_attachments).values_list("pk", flat=True))
            locked.attachments.filter(pk__in=ids).update(withheld=True)
            details["withheld_attachments"] = ids
        AuditEvent.objects.create(response=locked, actor=actor, action=ModerationAction.REDACTED, reason=reason,
                                  details=details)
    return locked
