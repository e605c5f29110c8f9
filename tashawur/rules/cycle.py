"""The topic-proposal window of a cycle between two group meetings (Res. 1336 rule 2)."""

from datetime import date, datetime, timedelta

from .schedule import DateSpan


def proposal_window(opened_by: DateSpan, closes_with: DateSpan | None) -> tuple[date, date | None]:
    """First and last days on which member states may propose a topic (Res. 1336 rule 2).

    "Right after a group meeting": from the day after the meeting `opened_by`
    ends, until the day before the next meeting `closes_with` starts, where
    topics are chosen. The last day is None while the next meeting is not set.
    Back-to-back meetings leave an empty window (last day before first day).
    """
    first_day = opened_by.end + timedelta(days=1)
    if closes_with is None:
        return first_day, None
    if closes_with.start <= opened_by.end:
        raise ValueError(
            f"the meeting that closes the proposal window ({closes_with.start}) must start "
            f"after the meeting that opens it ends ({opened_by.end})"
        )
    return first_day, closes_with.start - timedelta(days=1)


def accepts_proposals(opened_by: DateSpan, closes_with: DateSpan | None, today: date) -> bool:
    """True when `today` (a date in the group's time zone) is within the proposal window."""
    if isinstance(today, datetime):
        raise TypeError("today must be a date in the group's time zone; use local_date(now, tz)")
    first_day, last_day = proposal_window(opened_by, closes_with)
    return first_day <= today and (last_day is None or today <= last_day)
