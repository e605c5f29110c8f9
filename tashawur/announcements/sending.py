"""The sender: one batch of an announcement at its rate, run by the background worker.

How a message leaves, and why it never leaves twice:

1. the delivery is *claimed* by a conditional UPDATE (pending → sending); only one
   sender can win it, however many run;
2. the message is handed to the mail backend;
3. the delivery is marked *sent*.

If the backend raises, the message was not accepted: the delivery waits for a
retry (failed after MAX_ATTEMPTS), or fails at once when the server refuses the
recipient for good, which is also recorded as a hard bounce. If the process dies between 1 and 3,
nobody knows whether the message left; ``services.resume_announcement`` marks such
rows *uncertain* and does not send them again on its own (at most once); the
secretariat decides.

Pacing: messages are spaced 60/rate seconds apart, the time of the next one is kept
on the announcement, so the rate holds across batches. A batch lasts at most
``ANNOUNCEMENT_BATCH_SECONDS`` and then queues the next one to run when the next
message is due, so a long announcement never holds the worker that also builds
compiled reports. The clock and the sleep are parameters, so tests check the
pacing without waiting.
"""

import logging
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F, Min, Q
from django.utils import timezone

from tashawur.announcements import selectors
from tashawur.announcements.compose import email_message
from tashawur.announcements.models import Announcement, AnnouncementState, Delivery, DeliveryStatus

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
RETRY_DELAY = timedelta(minutes=1)  # times the number of attempts, after the mail server failed


@dataclass(frozen=True)
class BatchOutcome:
    sent: int = 0
    skipped: int = 0
    more: bool = False  # another batch is needed
    resume_at: datetime | None = None
    error: str = ""

    def as_dict(self) -> dict:
        return {"sent": self.sent, "skipped": self.skipped, "more": self.more,
                "resume_at": self.resume_at.isoformat() if self.resume_at else None, "error": self.error}


def run_batch(
    announcement_id: int, *, clock: Callable[[], datetime] = timezone.now, sleep: Callable[[float], None] = time.sleep,
    batch_seconds: float | None = None,
) -> BatchOutcome:
    """One batch, then the next one queued for when the next message is due (the task's body)."""
    from tashawur.announcements.services import enqueue_batch

    outcome = deliver_batch(announcement_id=announcement_id, clock=clock, sleep=sleep, batch_seconds=batch_seconds)
    if outcome.more:
        enqueue_batch(announcement_id, run_after=outcome.resume_at)
    return outcome


def deliver_batch(
    *, announcement_id: int, clock: Callable[[], datetime] = timezone.now, sleep: Callable[[float], None] = time.sleep,
    batch_seconds: float | None = None,
) -> BatchOutcome:
    """Send the announcement's waiting messages, spaced by its rate, for at most one batch's time."""
    announcement = (
        Announcement.objects.select_related("consultation__group", "consultation__topic", "contact_list")
        .prefetch_related("consultation__topic__questions").get(pk=announcement_id)
    )
    interval = timedelta(seconds=60 / announcement.effective_rate)
    batch_end = clock() + timedelta(seconds=batch_seconds or settings.ANNOUNCEMENT_BATCH_SECONDS)
    next_at = announcement.next_send_at
    sent = skipped = 0
    connection = get_connection(fail_silently=False)
    try:
        while True:
            if not Announcement.objects.filter(pk=announcement_id, state=AnnouncementState.SENDING).exists():
                return BatchOutcome(sent, skipped)  # paused by the secretariat
            waiting = Delivery.objects.filter(announcement_id=announcement_id, status=DeliveryStatus.PENDING)
            if not waiting.exists():
                _finish(announcement_id, clock())
                return BatchOutcome(sent, skipped)
            now = clock()
            if next_at and next_at > now:
                if next_at > batch_end:
                    return BatchOutcome(sent, skipped, more=True, resume_at=next_at)
                sleep((next_at - now).total_seconds())
                now = clock()
            delivery = _claim_next(announcement_id, now)
            if delivery is None:  # only messages waiting for a retry are left
                retry_at = waiting.aggregate(first=Min("retry_at"))["first"]
                return BatchOutcome(sent, skipped, more=True, resume_at=max(retry_at or now, now))
            if reason := selectors.skip_reason(delivery, announcement.kind):
                Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(
                    status=DeliveryStatus.SKIPPED, skip_reason=reason)
                skipped += 1
                continue
            result = _send(announcement, delivery, connection, now)
            next_at = max(next_at or now, now) + interval
            Announcement.objects.filter(pk=announcement_id).update(next_send_at=next_at, heartbeat_at=now)
            if result is SENT:
                Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(
                    status=DeliveryStatus.SENT, sent_at=clock(), retry_at=None, error="")
                sent += 1
            elif isinstance(result, ServerTrouble):  # the server is unwell: stop, and try again later
                return BatchOutcome(sent, skipped, more=True, resume_at=result.retry_at, error=result.error)
    finally:
        connection.close()


def _claim_next(announcement_id: int, now: datetime) -> Delivery | None:
    """The next waiting delivery, won by a conditional UPDATE: no other sender can have it too."""
    due = Q(retry_at__isnull=True) | Q(retry_at__lte=now)
    while True:
        candidate = (Delivery.objects.filter(due, announcement_id=announcement_id, status=DeliveryStatus.PENDING)
                     .order_by("pk").values_list("pk", flat=True).first())
        if candidate is None:
            return None
        won = Delivery.objects.filter(pk=candidate, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1,
        )
        if won:
            return Delivery.objects.get(pk=candidate)


SENT = object()
NEXT = object()  # this recipient failed or waits for a retry; go on with the others


@dataclass(frozen=True)
class ServerTrouble:
    error: str
    retry_at: datetime


def _send(announcement: Announcement, delivery: Delivery, connection, now: datetime):
    """Hand the message to the backend; say what it means for this delivery and for the batch.

    A recipient refused for good (5xx) is failed and recorded as a hard bounce; a
    recipient or message refused for now (4xx, e.g. greylisting) waits for a retry
    while the others go on; any other error means the server did not take the
    message, which waits for a retry, and the batch stops.
    """
    try:
        connection.open()  # once per batch: the SMTP session is kept between messages
        email_message(announcement, delivery, connection).send()
    except smtplib.SMTPRecipientsRefused as exc:
        code, reply = next(iter(exc.recipients.values()), (550, b""))
        reason = f"{code} {_text(reply)}"
        if code >= 500:
            from tashawur.announcements.services import record_bounce

            _fail(delivery, reason)
            record_bounce(delivery.address, reason, permanent=True, token=delivery.token)
        else:
            _retry_later(announcement, delivery, reason, now)
        return NEXT
    except smtplib.SMTPDataError as exc:  # the message itself was refused, for this recipient
        reason = f"{exc.smtp_code} {_text(exc.smtp_error)}"
        if exc.smtp_code >= 500:
            _fail(delivery, reason)
        else:
            _retry_later(announcement, delivery, reason, now)
        return NEXT
    except Exception as exc:  # not accepted: the message did not leave, it may be tried again
        error = f"{type(exc).__name__}: {exc}"
        return ServerTrouble(error=error, retry_at=_retry_later(announcement, delivery, error, now))
    return SENT


def _text(reply) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


def _fail(delivery: Delivery, reason: str) -> None:
    Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(
        status=DeliveryStatus.FAILED, error=reason[:2000])


def _retry_later(announcement: Announcement, delivery: Delivery, error: str, now: datetime) -> datetime:
    """Back to pending for a later attempt, a minute more each time; failed after MAX_ATTEMPTS."""
    retry_at = now + RETRY_DELAY * delivery.attempts
    status = DeliveryStatus.FAILED if delivery.attempts >= MAX_ATTEMPTS else DeliveryStatus.PENDING
    Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(
        status=status, retry_at=retry_at if status == DeliveryStatus.PENDING else None, error=error[:2000])
    logger.warning("announcement_send_failed announcement_id=%s delivery_id=%s attempt=%s error=%s",
                   announcement.pk, delivery.pk, delivery.attempts, error[:300])
    return retry_at


def _finish(announcement_id: int, now: datetime) -> None:
    finished = Announcement.objects.filter(pk=announcement_id, state=AnnouncementState.SENDING).update(
        state=AnnouncementState.FINISHED, finished_at=now, heartbeat_at=now,
    )
    if finished:
        logger.info("announcement_finished announcement_id=%s", announcement_id)
