"""The ways in share these two steps: store the raw message, then process it (Res. 1336 rule 8)."""

import logging
from datetime import datetime

from tashawur.mailin.models import InboundMessage, Outcome
from tashawur.mailin.process import ProcessOutcome, process_message
from tashawur.mailin.store import store_message

log = logging.getLogger(__name__)


def receive_message(
    raw: bytes, *, via: str, envelope_sender: str = "", envelope_recipients=(), received_at: datetime | None = None,
) -> ProcessOutcome:
    """Store, then process; a storage error propagates (the sender must retry), a processing error is recorded."""
    inbound, _created = store_message(
        raw, via=via, envelope_sender=envelope_sender, envelope_recipients=envelope_recipients, received_at=received_at,
    )
    return process_message(inbound)


def pending_messages():
    """Stored messages not yet decided: left by a crash between storing and processing, or failed."""
    return InboundMessage.objects.filter(outcome__in=[Outcome.PENDING, Outcome.FAILED]).order_by("received_at", "pk")


def process_pending(*, limit: int | None = None) -> list[ProcessOutcome]:
    """Process every message still pending, oldest first; each in its own transaction."""
    ids = list(pending_messages().values_list("pk", flat=True)[:limit])
    outcomes = []
    for inbound in InboundMessage.objects.defer("raw").filter(pk__in=ids).order_by("received_at", "pk"):
        outcomes.append(process_message(inbound))
    if ids:
        log.info("mail pending processed count=%s", len(ids))
    return outcomes
