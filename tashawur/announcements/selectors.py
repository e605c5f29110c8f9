"""Reads for the secretariat's pages and for the sender: lists, progress, what needs a decision."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Q

from tashawur.announcements.models import (
    Announcement, AnnouncementKind, AnnouncementState, Bounce, ContactImport, ContactList, Delivery, DeliveryStatus,
    SkipReason, Unsubscribe,
)
from tashawur.announcements.permissions import groups_managed_by


def unsubscribed_addresses() -> set[str]:
    return set(Unsubscribe.objects.values_list("address", flat=True))


def hard_bounced_addresses() -> set[str]:
    return set(Bounce.objects.filter(permanent=True).values_list("address", flat=True))


def skip_reason(delivery: Delivery, kind: str) -> str:
    """Why this message must not be sent now, or "" when it may.

    A permanent bounce stops every message to the address; an unsubscribe stops
    invitations; a subscriber's notice stops when its subscription has ended.
    """
    if Bounce.objects.filter(address=delivery.address, permanent=True).exists():
        return SkipReason.BOUNCED
    if kind == AnnouncementKind.INVITATION:
        if Unsubscribe.objects.filter(address=delivery.address).exists():
            return SkipReason.UNSUBSCRIBED
    elif delivery.subscription_id is None:
        return SkipReason.SUBSCRIPTION_ENDED
    return ""


def contact_lists_for(user):
    return ContactList.objects.filter(group__in=groups_managed_by(user)).select_related("group").annotate(
        contact_count=Count("contacts"),
    ).order_by("group__code", "name")


def announcements_for(user):
    return Announcement.objects.filter(
        kind=AnnouncementKind.INVITATION, consultation__group__in=groups_managed_by(user),
    ).select_related("consultation__topic", "consultation__group", "contact_list").order_by("-created_at", "-pk")


def imports_of(contact_list: ContactList):
    return ContactImport.objects.filter(contact_list=contact_list).defer("raw").order_by("-imported_at", "-pk")


def import_report(contact_import: ContactImport) -> list:
    """The rejected rows in file order, each with ``given_name``: the name column as the file gave it."""
    from tashawur.announcements.csvfile import given_value

    rows = list(contact_import.rejected_rows.order_by("row_number"))
    for row in rows:
        row.given_name = given_value(row.values, "name")
    return rows


@dataclass(frozen=True)
class Progress:
    counts: dict[str, int]
    total: int
    stalled: bool

    @property
    def done(self) -> int:
        return sum(self.counts.get(status, 0) for status in (DeliveryStatus.SENT, DeliveryStatus.SKIPPED,
                                                             DeliveryStatus.FAILED))

    def rows(self):
        """(label, count) for every status, in the order a delivery moves through them."""
        return [(label, self.counts.get(value, 0)) for value, label in DeliveryStatus.choices]


def progress(announcement: Announcement, *, now: datetime) -> Progress:
    counts = dict(
        Delivery.objects.filter(announcement=announcement).values_list("status").annotate(n=Count("pk")).order_by()
    )
    return Progress(counts=counts, total=sum(counts.values()), stalled=is_stalled(announcement, counts, now=now))


def is_stalled(announcement: Announcement, counts: dict[str, int], *, now: datetime) -> bool:
    """Sending, with work left, and no sign of a sender for longer than a batch could take: a crash, most likely."""
    if announcement.state != AnnouncementState.SENDING or not counts.get(DeliveryStatus.PENDING):
        return False
    last = max(filter(None, [announcement.heartbeat_at, announcement.next_send_at]), default=None)
    return last is None or last < now - timedelta(seconds=settings.ANNOUNCEMENT_STALE_SECONDS)


def needing_decision(announcement: Announcement, *, now: datetime):
    """Deliveries whose message may or may not have left: uncertain ones, and ones claimed too long ago."""
    cutoff = now - timedelta(seconds=settings.ANNOUNCEMENT_STALE_SECONDS)
    return Delivery.objects.filter(announcement=announcement).filter(
        Q(status=DeliveryStatus.UNCERTAIN) | Q(status=DeliveryStatus.SENDING, claimed_at__lt=cutoff)
    ).select_related("contact").order_by("pk")


def failed_deliveries(announcement: Announcement):
    return Delivery.objects.filter(
        announcement=announcement, status__in=[DeliveryStatus.FAILED, DeliveryStatus.SKIPPED],
    ).select_related("contact").order_by("pk")


def stalled_announcements(*, now: datetime):
    """Announcements a crashed worker left half-sent, for ``resume_announcements``."""
    candidates = Announcement.objects.filter(state=AnnouncementState.SENDING).annotate(
        pending=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.PENDING)),
    )
    return [announcement for announcement in candidates
            if is_stalled(announcement, {DeliveryStatus.PENDING: announcement.pending}, now=now)]
