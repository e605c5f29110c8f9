"""Bookkeeping of the calendar feeds: each event's SEQUENCE goes up when its content changes."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from tashawur.groups.models import WorkingGroup
from tashawur.opendata.models import PublishedCalendarEvent


@dataclass(frozen=True)
class EventVersion:
    sequence: int
    last_modified: datetime


def record_calendar_events(*, group: WorkingGroup, fingerprints: dict[str, str],
                           now: datetime | None = None) -> dict[str, EventVersion]:
    """Record what the feed is about to publish; returns each event's SEQUENCE and LAST-MODIFIED.

    An unchanged event keeps its numbers, so the feed (and its ETag) stays the
    same until something really changes. Three queries at most, however many events.
    """
    now = now or timezone.now()
    with transaction.atomic():
        known = {
            event.uid: event
            for event in PublishedCalendarEvent.objects.select_for_update().filter(uid__in=list(fingerprints))
        }
        new = [
            PublishedCalendarEvent(group=group, uid=uid, fingerprint=fingerprint, sequence=0, last_modified=now)
            for uid, fingerprint in fingerprints.items() if uid not in known
        ]
        changed = []
        for uid, event in known.items():
            if event.fingerprint != fingerprints[uid]:
                event.fingerprint, event.sequence, event.last_modified = fingerprints[uid], event.sequence + 1, now
                changed.append(event)
        if new:
            PublishedCalendarEvent.objects.bulk_create(new, ignore_conflicts=True)
        if changed:
            PublishedCalendarEvent.objects.bulk_update(changed, ["fingerprint", "sequence", "last_modified"])
    versions = {event.uid: event for event in [*known.values(), *new]}
    return {uid: EventVersion(event.sequence, event.last_modified) for uid, event in versions.items()}
