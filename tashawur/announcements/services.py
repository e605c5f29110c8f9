"""What the secretariat and recipients do with contact lists and announcements.

Seed 001: invitations went to about 150 international organisations and 3,500
civil-society and private-sector organisations. Issue 7 §5: contact lists imported
from CSV with a report of rejected rows; an announcement sent in each contact's
language through the background queue, at a set rate; one-click unsubscribe
(RFC 8058); bounces recorded; never the same announcement twice to one address.
"""

import logging
import re
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tashawur.announcements import csvfile, permissions, selectors
from tashawur.announcements.errors import (
    EmptyContactList, FileTooLarge, ImportFileError, InvalidTransition, ListNameTaken, UnknownToken,
)
from tashawur.announcements.models import (
    Announcement, AnnouncementKind, AnnouncementState, Bounce, Contact, ContactImport, ContactList, Delivery,
    DeliveryStatus, ImportState, RejectedRow, SkipReason, Unsubscribe, UnsubscribeSource,
)
from tashawur.core.errors import NotAllowed

logger = logging.getLogger(__name__)
MAX_IMPORT_BYTES = 5 * 1024 * 1024
CONTACT_FIELDS = ("name", "organisation", "language", "country", "stakeholder_group")


# --- contact lists ----------------------------------------------------------------------------

def create_contact_list(*, actor, group, name: str, description: str = "") -> ContactList:
    """A new, empty list of the group's contacts."""
    if not permissions.can_manage_contacts(actor, group):
        raise NotAllowed()
    if ContactList.objects.filter(group=group, name__iexact=name.strip()).exists():
        raise ListNameTaken(name=name.strip())
    contact_list = ContactList(group=group, name=name.strip(), description=description.strip(), created_by=actor)
    contact_list.full_clean()
    with transaction.atomic(durable=True):
        contact_list.save()
    logger.info("contact_list_created list_id=%s group=%s", contact_list.pk, group.code)
    return contact_list


def import_contacts(*, actor, contact_list: ContactList, filename: str, data: bytes, encoding: str = "") -> ContactImport:
    """Store the uploaded file, then add or update a contact for every good row and report the others.

    The bytes are saved before they are read (store first, process after): a file
    that cannot be read at all is kept with the reason. A row is rejected when its
    address is invalid, repeated in the file, unsubscribed or bounced, or when its
    language, country or stakeholder group is unknown.
    """
    if not permissions.can_manage_contacts(actor, contact_list.group):
        raise NotAllowed()
    with transaction.atomic(durable=True):
        stored = ContactImport.objects.create(
            contact_list=contact_list, filename=filename[:255], raw=data, size=len(data),
            requested_encoding=encoding, imported_by=actor,
        )
    if len(data) > MAX_IMPORT_BYTES:
        return _import_failed(stored, FileTooLarge(limit=MAX_IMPORT_BYTES))
    try:
        checked = csvfile.read(
            data, encoding=encoding, suppressed=selectors.unsubscribed_addresses(),
            bounced=selectors.hard_bounced_addresses(),
        )
    except ImportFileError as exc:
        return _import_failed(stored, exc)
    with transaction.atomic(durable=True):
        ContactList.objects.select_for_update().get(pk=contact_list.pk)
        created, updated, unchanged = _upsert(contact_list, checked.accepted)
        RejectedRow.objects.bulk_create(
            RejectedRow(contact_import=stored, row_number=rejection.row_number, email=rejection.email[:998],
                        reason=rejection.reason, detail=rejection.detail[:300], values=rejection.values)
            for rejection in checked.rejected
        )
        ContactImport.objects.filter(pk=stored.pk).update(
            state=ImportState.DONE, encoding=checked.encoding, rows_read=checked.rows_read, created_count=created,
            updated_count=updated, unchanged_count=unchanged, rejected_count=len(checked.rejected),
            ignored_columns=checked.ignored_columns,
        )
    logger.info("contacts_imported import_id=%s list_id=%s encoding=%s created=%s updated=%s rejected=%s",
                stored.pk, contact_list.pk, checked.encoding, created, updated, len(checked.rejected))
    stored.refresh_from_db()
    return stored


def _import_failed(stored: ContactImport, exc: ImportFileError) -> ContactImport:
    ContactImport.objects.filter(pk=stored.pk).update(state=ImportState.FAILED, error=exc.message)
    logger.warning("contacts_import_failed import_id=%s reason=%s", stored.pk, exc.code)
    stored.refresh_from_db()
    return stored


def _upsert(contact_list: ContactList, rows: list[csvfile.ContactRow]) -> tuple[int, int, int]:
    existing = {contact.email: contact for contact in contact_list.contacts.filter(email__in=[row.email for row in rows])}
    new, changed = [], []
    for row in rows:
        contact = existing.get(row.email)
        if contact is None:
            new.append(Contact(contact_list=contact_list, email=row.email,
                               **{name: getattr(row, name) for name in CONTACT_FIELDS}))
            continue
        if any(getattr(contact, name) != getattr(row, name) for name in CONTACT_FIELDS):
            for name in CONTACT_FIELDS:
                setattr(contact, name, getattr(row, name))
            contact.updated_at = timezone.now()
            changed.append(contact)
    Contact.objects.bulk_create(new, batch_size=500)
    Contact.objects.bulk_update(changed, [*CONTACT_FIELDS, "updated_at"], batch_size=500)
    return len(new), len(changed), len(rows) - len(new) - len(changed)


# --- announcements to a contact list -----------------------------------------------------------

def create_announcement(
    *, actor, consultation, contact_list: ContactList, subject: dict | None = None, introduction: dict | None = None,
    rate_per_minute: int | None = None,
) -> Announcement:
    """A draft invitation of a contact list to a consultation; nothing is sent until it is started."""
    if not permissions.can_announce(actor, consultation, contact_list):
        raise NotAllowed()
    announcement = Announcement(
        kind=AnnouncementKind.INVITATION, consultation=consultation, contact_list=contact_list,
        subject=subject or {}, introduction=introduction or {}, rate_per_minute=rate_per_minute, created_by=actor,
    )
    announcement.full_clean()
    with transaction.atomic(durable=True):
        announcement.save()
    return announcement


def start_announcement(*, actor, announcement: Announcement) -> Announcement:
    """Make one delivery per contact of the list as it is now, and queue the sending.

    The delivery rows are unique per address, so a second click, or a contact on
    the list twice under different cases, cannot send the announcement twice.
    """
    if not permissions.can_announce(actor, announcement.consultation, announcement.contact_list):
        raise NotAllowed()
    with transaction.atomic(durable=True):
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if locked.state != AnnouncementState.DRAFT:
            raise InvalidTransition(state=locked.get_state_display())
        contacts = list(locked.contact_list.contacts.values_list("pk", "email", "language"))
        if not contacts:
            raise EmptyContactList()
        Delivery.objects.bulk_create(
            (Delivery(announcement=locked, address=email.lower(), language=language, contact_id=pk)
             for pk, email, language in contacts),
            batch_size=500, ignore_conflicts=True,
        )
        _set_sending(locked)
    logger.info("announcement_started announcement_id=%s deliveries=%s", locked.pk, len(contacts))
    return locked


def _set_sending(announcement: Announcement) -> None:
    announcement.state = AnnouncementState.SENDING
    announcement.started_at = announcement.started_at or timezone.now()
    announcement.heartbeat_at = timezone.now()
    announcement.save(update_fields=["state", "started_at", "heartbeat_at"])
    transaction.on_commit(partial(enqueue_batch, announcement.pk))


def pause_announcement(*, actor, announcement: Announcement) -> Announcement:
    """Stop after the message being sent; nothing is lost, resuming carries on."""
    if not permissions.can_announce(actor, announcement.consultation, announcement.contact_list):
        raise NotAllowed()
    with transaction.atomic(durable=True):
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if locked.state != AnnouncementState.SENDING:
            raise InvalidTransition(state=locked.get_state_display())
        locked.state = AnnouncementState.PAUSED
        locked.save(update_fields=["state"])
    logger.info("announcement_paused announcement_id=%s", locked.pk)
    return locked


def resume_announcement(*, actor, announcement: Announcement, now: datetime | None = None) -> Announcement:
    """Carry on after a pause or a crash: at most once, never a second copy.

    A delivery left "being sent" for longer than ANNOUNCEMENT_STALE_SECONDS was
    claimed by a sender that died between claiming it and recording the result: the
    message may or may not have left (the window of RFC 1047). It is marked
    *uncertain* and is not sent again on its own: announcements are sent at most
    once, as mailing-list software does; the secretariat sees these rows and
    decides, with ``resolve_uncertain``, to send again or not.
    """
    if actor is not None and not permissions.can_announce(actor, announcement.consultation, announcement.contact_list):
        raise NotAllowed()
    now = now or timezone.now()
    with transaction.atomic(durable=True):
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if locked.state not in (AnnouncementState.SENDING, AnnouncementState.PAUSED, AnnouncementState.FINISHED):
            raise InvalidTransition(state=locked.get_state_display())
        stale = mark_stale_deliveries(locked, now=now)
        if locked.deliveries.filter(status=DeliveryStatus.PENDING).exists():
            _set_sending(locked)
    logger.info("announcement_resumed announcement_id=%s uncertain=%s", locked.pk, stale)
    return locked


def mark_stale_deliveries(announcement: Announcement, *, now: datetime) -> int:
    cutoff = now - timedelta(seconds=settings.ANNOUNCEMENT_STALE_SECONDS)
    return Delivery.objects.filter(
        announcement=announcement, status=DeliveryStatus.SENDING, claimed_at__lt=cutoff,
    ).update(status=DeliveryStatus.UNCERTAIN, error="interrupted between claim and result")


def resolve_uncertain(*, actor, announcement: Announcement, delivery_ids: list[int], send_again: bool) -> int:
    """The secretariat's decision on deliveries that were interrupted: send again, or leave them."""
    if not permissions.can_announce(actor, announcement.consultation, announcement.contact_list):
        raise NotAllowed()
    with transaction.atomic(durable=True):
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        chosen = Delivery.objects.filter(announcement=locked, status=DeliveryStatus.UNCERTAIN, pk__in=delivery_ids)
        if send_again:
            count = chosen.update(status=DeliveryStatus.PENDING, claimed_at=None, retry_at=None)
            if count:
                _set_sending(locked)
        else:
            count = chosen.update(status=DeliveryStatus.SKIPPED, skip_reason=SkipReason.NOT_RESENT)
    logger.info("announcement_uncertain_resolved announcement_id=%s count=%s send_again=%s", locked.pk, count, send_again)
    return count


def enqueue_batch(announcement_id: int, *, run_after: datetime | None = None) -> None:
    from tashawur.announcements.tasks import send_announcement_batch

    task = send_announcement_batch.using(run_after=run_after) if run_after else send_announcement_batch
    result = task.enqueue(announcement_id=announcement_id)
    Announcement.objects.filter(pk=announcement_id).update(task_id=str(result.id))


# --- notices to subscribers (the accounts app picks the recipients) ---------------------------

def queue_notice(*, kind: str, consultation, recipients: list[tuple[str, str, int]]) -> Announcement:
    """Send a notice about a consultation to subscribers: (address, language, subscription id) each.

    There is one notice of a kind per consultation, and one delivery per address
    in it, so running the notifier again only adds subscribers who were not mailed.
    """
    with transaction.atomic(durable=True):
        announcement, _created = Announcement.objects.get_or_create(kind=kind, consultation=consultation)
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        before = locked.deliveries.count()
        Delivery.objects.bulk_create(
            (Delivery(announcement=locked, address=address.lower(), language=language, subscription_id=subscription_id)
             for address, language, subscription_id in recipients),
            batch_size=500, ignore_conflicts=True,
        )
        added = locked.deliveries.count() - before
        if added and locked.state != AnnouncementState.PAUSED:
            _set_sending(locked)
    if added:
        logger.info("notice_queued announcement_id=%s kind=%s consultation=%s added=%s",
                    locked.pk, kind, consultation.slug, added)
    return locked


# --- recipients: unsubscribe and bounces ------------------------------------------------------

def unsubscribe(*, token: str, source: str = UnsubscribeSource.WEB) -> Delivery:
    """A recipient's unsubscribe link or one-click POST (RFC 8058); repeating it changes nothing.

    From an invitation, the address receives no more invitations from any list;
    from a subscriber's notice, that subscription ends.
    """
    delivery = Delivery.objects.select_related("announcement").filter(token=token.lower()).first()
    if delivery is None:
        raise UnknownToken()
    if delivery.announcement.kind != AnnouncementKind.INVITATION:
        from tashawur.accounts.services import end_subscription

        if delivery.subscription_id:
            end_subscription(subscription_id=delivery.subscription_id)
        logger.info("subscription_ended delivery_id=%s source=%s", delivery.pk, source)
        return delivery
    with transaction.atomic(durable=True):
        _, created = Unsubscribe.objects.get_or_create(address=delivery.address, defaults={"source": source,
                                                                                           "delivery": delivery})
    if created:
        logger.info("address_unsubscribed delivery_id=%s source=%s", delivery.pk, source)
    return delivery


# An SMTP enhanced status code (RFC 3463): 5.x.x is permanent, 4.x.x transient.
_STATUS_CODE = re.compile(r"\b([245])\.\d{1,3}\.\d{1,3}\b")


def record_bounce(address: str, reason: str, *, permanent: bool | None = None, token: str = "") -> Bounce:
    """Record that mail to ``address`` failed; a permanent failure stops every later message to it.

    The mail pipeline calls this for a delivery status notification. Without
    ``permanent``, the enhanced status code in ``reason`` decides (5.x.x is
    permanent, 4.x.x is not); with no code, the bounce counts as permanent, since
    a report of a merely delayed message does not usually come back as a bounce.
    ``token`` is the part after ``bounces+`` in the envelope sender, when known.
    """
    address = address.strip().strip("<>").lower()
    if permanent is None:
        code = _STATUS_CODE.search(reason or "")
        permanent = code is None or code.group(1) == "5"
    delivery = Delivery.objects.filter(token=token.lower()).first() if token else None
    if delivery is None:
        delivery = Delivery.objects.filter(address=address, status=DeliveryStatus.SENT).order_by("-sent_at").first()
    with transaction.atomic(durable=True):
        bounce = Bounce.objects.create(address=address, reason=(reason or "")[:4000], permanent=permanent,
                                       delivery=delivery)
    logger.info("bounce_recorded bounce_id=%s permanent=%s delivery_id=%s", bounce.pk, permanent,
                delivery.pk if delivery else None)
    return bounce


def record_bounce_for_token(token: str, reason: str, *, permanent: bool | None = None) -> Bounce | None:
    """A bounce that came back to ``bounces+<token>@MAIL_DOMAIN`` (VERP): the token says which delivery."""
    delivery = Delivery.objects.filter(token=token.lower()).first()
    if delivery is None:
        return None
    return record_bounce(delivery.address, reason, permanent=permanent, token=token)


def parse_list_address(address: str) -> tuple[str, str] | None:
    """("unsubscribe" or "bounces", token) for the platform's own list addresses, else None.

    For the mail pipeline: ``unsubscribe+<token>@MAIL_DOMAIN`` is the mailto: of
    List-Unsubscribe; ``bounces+<token>@MAIL_DOMAIN`` is every message's envelope sender.
    """
    local, _at, domain = address.strip().strip("<>").lower().rpartition("@")
    if domain != settings.MAIL_DOMAIN.lower() or "+" not in local:
        return None
    role, token = local.split("+", 1)
    if role not in ("unsubscribe", "bounces") or not re.fullmatch(r"[0-9a-f]{32}", token):
        return None
    return role, token


def forget_address(*, address: str) -> None:
    """Deletion of personal data: the address leaves every contact list and stays only on the do-not-mail list.

    Keeping the address among the unsubscribed is what honours the request: a
    later import of an old spreadsheet will not put it back.
    """
    address = address.lower()
    Contact.objects.filter(email=address).delete()
    Delivery.objects.filter(address=address).exclude(announcement__kind=AnnouncementKind.INVITATION).delete()
    Unsubscribe.objects.get_or_create(address=address, defaults={"source": UnsubscribeSource.ERASURE})


__all__ = [
    "create_contact_list", "import_contacts", "create_announcement", "start_announcement", "pause_announcement",
    "resume_announcement", "resolve_uncertain", "queue_notice", "unsubscribe", "record_bounce",
    "record_bounce_for_token", "parse_list_address", "forget_address",
]
