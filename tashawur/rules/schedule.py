"""Meetings and the schedule the secretariat has actually planned or done."""

from dataclasses import dataclass
from datetime import date, datetime


def require_date(name: str, value: object) -> None:
    """Refuse anything but a calendar date (a datetime is not one: rules count
    calendar days in the group's time zone, see `status.local_date`)."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(f"{name} must be a datetime.date, got {value!r}")


@dataclass(frozen=True)
class DateSpan:
    """A meeting over one or several calendar days, both ends inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        require_date("start", self.start)
        require_date("end", self.end)
        if self.end < self.start:
            raise ValueError(
                f"a meeting cannot end ({self.end.isoformat()}) "
                f"before it starts ({self.start.isoformat()})"
            )

    @classmethod
    def single(cls, day: date) -> "DateSpan":
        """A one-day meeting."""
        return cls(start=day, end=day)

    @property
    def days(self) -> int:
        """How many calendar days the meeting lasts, counting both ends."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Schedule:
    """What the secretariat has planned or done for one consultation.

    Any field may be None: not set yet. `response_deadline` is the last day
    (inclusive) on which responses are accepted, in the group's time zone.
    """

    # The group meeting whose decision chose the topic (M(n)).
    choosing_meeting: DateSpan | None = None
    # The group meeting the consultation feeds (M(n+1)).
    next_group_meeting: DateSpan | None = None
    announced_on: date | None = None
    opens_on: date | None = None
    response_deadline: date | None = None
    # The physical open consultation meeting (rule 6).
    physical_meeting: DateSpan | None = None
    report_published_on: date | None = None
    physical_meeting_remote_participation: bool = True
    physical_meeting_webcast: bool = True
    physical_meeting_captioning: bool = True

    def __post_init__(self) -> None:
        for name in ("announced_on", "opens_on", "response_deadline", "report_published_on"):
            value = getattr(self, name)
            if value is not None:
                require_date(name, value)
