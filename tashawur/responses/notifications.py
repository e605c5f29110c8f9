"""Mail the platform sends about responses: recorded first, sent after commit, never twice.

Every automatic message carries ``Auto-Submitted: auto-replied`` (RFC 3834) so
that well-behaved autoresponders do not answer it, which prevents mail loops.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from tashawur.mailin.models import OutboundMail

log = logging.getLogger(__name__)


def queue_mail(
    *, kind: str, to: str, subject: str, body: str, language: str, inbound=None, response=None,
    in_reply_to: str = "",
) -> OutboundMail | None:
    """Record a message and send it once the transaction commits.

    Returns None when the same kind of mail was already recorded for this
    incoming message or response (a redelivery, a double click).
    """
    try:
        with transaction.atomic():
            mail = OutboundMail.objects.create(
                kind=kind, to=to, subject=subject, body=body, language=language, inbound=inbound, response=response,
            )
    except IntegrityError:
        return None
    transaction.on_commit(lambda: send_recorded_mail(mail.pk, in_reply_to=in_reply_to))
    return mail


def send_recorded_mail(mail_id: int, *, in_reply_to: str = "") -> None:
    mail = OutboundMail.objects.get(pk=mail_id)
    if mail.sent_at:
        return
    headers = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All", "Content-Language": mail.language}
    if in_reply_to:
        headers.update({"In-Reply-To": in_reply_to, "References": in_reply_to})
    message = EmailMessage(
        subject=mail.subject, body=mail.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[mail.to], headers=headers,
    )
    try:
        message.send()
    except Exception as exc:  # the row stays unsent with its error; an operator can retry
        log.warning("mail not sent id=%s error=%s", mail.pk, exc)
        OutboundMail.objects.filter(pk=mail.pk).update(error=str(exc)[:2000])
        return
    OutboundMail.objects.filter(pk=mail.pk).update(sent_at=timezone.now(), error="")
