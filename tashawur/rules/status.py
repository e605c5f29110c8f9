"""Where a consultation stands, derived from its dates alone (never a stored flag).

Times are stored in UTC and counted on calendar dates in the group's time zone.
"""

from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum
from zoneinfo import ZoneInfo

from .schedule import Schedule, require_date


class ConsultationStatus(StrEnum):
    DRAFT = "draft"
    ANNOUNCED = "announced"
    OPEN = "open"
    CLOSED = "closed"
    REPORT_PUBLISHED = "report_published"
    MEETING_HELD = "meeting_held"


def local_date(now: datetime, tz: ZoneInfo) -> date:
    """The calendar date of the instant `now` in the group's time zone.

    A naive datetime is refused: its instant is unknown.
    """
    if not isinstance(now, datetime):
        raise TypeError(f"now must be a datetime, got {now!r}")
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be timezone-aware, got naive {now.isoformat()}")
    return now.astimezone(tz).date()


def closes_at(response_deadline: date, tz: ZoneInfo) -> datetime:
    """The instant submissions stop (Res. 1336 rule 4): the first instant of the
    day after the deadline in the group's time zone, returned in that zone.

    Where a DST change skips local midnight, the day starts at the first wall
    time that exists (e.g. 01:00); the round trip through UTC finds it.
    """
    require_date("response_deadline", response_deadline)
    midnight = datetime.combine(response_deadline + timedelta(days=1), time(0), tzinfo=tz)
    return midnight.astimezone(timezone.utc).astimezone(tz)


def accepts_responses(schedule: Schedule, *, now: datetime, tz: ZoneInfo) -> bool:
    """True while the online consultation takes responses: from its opening day
    (local) until the end of the response deadline day (local, Res. 1336 rule 4).
    Without a deadline it stays open once opened."""
    today = local_date(now, tz)
    if schedule.opens_on is None or today < schedule.opens_on:
        return False
    return schedule.response_deadline is None or now < closes_at(schedule.response_deadline, tz)


def consultation_status(schedule: Schedule, *, now: datetime, tz: ZoneInfo) -> ConsultationStatus:
    """The stage a consultation has reached at `now`; later stages win.

    A consultation that has not opened is DRAFT or ANNOUNCED whatever its later
    dates say: it cannot be closed, reported on or discussed before it opens.
    """
    today = local_date(now, tz)
    opens_on = schedule.opens_on
    if opens_on is None:
        return ConsultationStatus.DRAFT
    if today < opens_on:
        announced_on = schedule.announced_on
        if announced_on is not None and announced_on <= today:
            return ConsultationStatus.ANNOUNCED
        return ConsultationStatus.DRAFT
    physical = schedule.physical_meeting
    if physical is not None and physical.end < today:
        return ConsultationStatus.MEETING_HELD
    published = schedule.report_published_on
    if published is not None and published <= today:
        return ConsultationStatus.REPORT_PUBLISHED
    deadline = schedule.response_deadline
    if deadline is not None and now >= closes_at(deadline, tz):
        return ConsultationStatus.CLOSED
    return ConsultationStatus.OPEN
