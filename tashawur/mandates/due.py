"""When a mandate is due, and whether it is overdue: date arithmetic only, no database.

A "once" mandate is due on its date; an "annual" one before each session of
Council in its span of years (e.g. Res. 1334 "report annually to Council").
A mandate is answered by documents; a due date with no answering document
that has passed is overdue. Nothing here is stored: it is computed for a day.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Recurrence(StrEnum):
    ONCE = "once"
    ANNUAL = "annual"
    CONTINUING = "continuing"  # no due date: e.g. "to continue to coordinate"


class DueStatus(StrEnum):
    ONGOING = "ongoing"      # continuing, nothing to hand in
    UPCOMING = "upcoming"    # a due date ahead, none missed
    OVERDUE = "overdue"      # a due date passed with no answering document
    ANSWERED = "answered"    # every due date answered, none ahead


@dataclass(frozen=True)
class SessionDate:
    """The month and day of the Council session that annual reports are due before."""

    month: int
    day: int

    def in_year(self, year: int) -> date:
        return date(year, self.month, self.day)


@dataclass(frozen=True)
class DueState:
    status: DueStatus
    today: date
    next_due: date | None = None  # the next date still to be answered, today or later
    missed: tuple[date, ...] = field(default_factory=tuple)  # passed due dates with no answer

    @property
    def overdue(self) -> bool:
        return self.status == DueStatus.OVERDUE

    @property
    def days_overdue(self) -> int:
        """Days since the oldest missed due date."""
        return (self.today - self.missed[0]).days if self.missed else 0


def due_dates(
    recurrence: str, *, due_on: date | None, first_year: int | None, last_year: int | None,
    session: SessionDate, until: date,
) -> list[date]:
    """Every due date of the mandate up to the first one after ``until`` (so the next one is known)."""
    if recurrence == Recurrence.ONCE:
        return [due_on] if due_on else []
    if recurrence != Recurrence.ANNUAL or first_year is None:
        return []
    dates = []
    year = first_year
    while last_year is None or year <= last_year:
        dates.append(session.in_year(year))
        if dates[-1] > until:
            break
        year += 1
    return dates


def due_state(
    recurrence: str, *, due_on: date | None = None, first_year: int | None = None, last_year: int | None = None,
    session: SessionDate, answered: set[date], today: date,
) -> DueState:
    """The mandate's state on ``today``; ``answered`` holds the due dates that have an answering document."""
    dates = due_dates(recurrence, due_on=due_on, first_year=first_year, last_year=last_year, session=session, until=today)
    if not dates:
        return DueState(DueStatus.ONGOING, today)
    open_dates = [day for day in dates if day not in answered]
    missed = tuple(day for day in open_dates if day < today)
    upcoming = next((day for day in open_dates if day >= today), None)
    if missed:
        return DueState(DueStatus.OVERDUE, today, next_due=upcoming, missed=missed)
    if upcoming:
        return DueState(DueStatus.UPCOMING, today, next_due=upcoming)
    return DueState(DueStatus.ANSWERED, today)
