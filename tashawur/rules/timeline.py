"""The dates the rules expect, derived from a group's numbers and the anchor meetings."""

from dataclasses import dataclass
from datetime import date, timedelta

from .schedule import Schedule
from .settings import RuleSettings

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Timeline:
    """Limits set by Res. 1336 rules 3-6; None where the anchor meeting is not set."""

    # Rule 3: last day on which the consultation may open.
    latest_launch: date | None
    # Rule 4: latest allowed response deadline.
    response_deadline: date | None
    # Rule 5: latest allowed publication date of the compiled report.
    report_due: date | None
    # Rule 6: first and last days on which the physical meeting may be held.
    physical_meeting_earliest: date | None
    physical_meeting_latest: date | None


def expected_timeline(settings: RuleSettings, schedule: Schedule) -> Timeline:
    """Compute the limits of Res. 1336 rules 3-6 for a schedule.

    Rule 3 counts from the LAST day of the choosing meeting (its "close");
    rules 4 and 5 count back from the FIRST day of the physical open
    consultation meeting; rule 6 counts back from the FIRST day of the next
    group meeting, and the physical meeting must end before that day.
    """
    choosing = schedule.choosing_meeting
    physical = schedule.physical_meeting
    following = schedule.next_group_meeting

    latest_launch = None
    if choosing is not None:
        latest_launch = choosing.end + timedelta(days=settings.launch_within_days)

    response_deadline = report_due = None
    if physical is not None:
        response_deadline = physical.start - timedelta(
            days=settings.response_deadline_days_before
        )
        report_due = physical.start - timedelta(days=settings.report_days_before)

    earliest = latest = None
    if following is not None:
        earliest = following.start - timedelta(days=settings.physical_meeting_window_days)
        latest = following.start - ONE_DAY

    return Timeline(
        latest_launch=latest_launch,
        response_deadline=response_deadline,
        report_due=report_due,
        physical_meeting_earliest=earliest,
        physical_meeting_latest=latest,
    )
