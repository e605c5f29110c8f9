"""Check an actual schedule against Council Resolution 1336, rules 3 to 6."""

from datetime import date, datetime, timedelta

from .findings import Finding, Severity, days_between, plural_days
from .schedule import Schedule
from .settings import RuleSettings
from .timeline import Timeline, expected_timeline

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Rule 6: "preferably at the start of the week".
START_OF_WEEK = (0, 1)


def check_schedule(
    settings: RuleSettings, schedule: Schedule, *, today: date | None = None
) -> list[Finding]:
    """Every way `schedule` departs from Res. 1336 rules 3-6, ordered by rule then code.

    `today` is the calendar date in the group's time zone (see
    `status.local_date`); without it, dates that are still missing are not
    reported as late (`launch_missing`, `report_missing`).
    """
    if isinstance(today, datetime):
        raise TypeError("today must be a date in the group's time zone; use local_date(now, tz)")
    timeline = expected_timeline(settings, schedule)
    findings = [
        *check_launch(settings, schedule, timeline, today),
        *check_response_deadline(settings, schedule, timeline),
        *check_compiled_report(settings, schedule, timeline, today),
        *check_physical_meeting(settings, schedule, timeline),
    ]
    return sorted(findings, key=lambda finding: (finding.rule, finding.code))


def check_launch(
    settings: RuleSettings, schedule: Schedule, timeline: Timeline, today: date | None
) -> list[Finding]:
    """Res. 1336 rule 3: the consultation opens no later than N days after the
    close of the meeting that chose its topic.

    Opening on the last day of the choosing meeting is allowed (the decision
    may be taken that morning); opening before that day is not.
    """
    opens_on, choosing = schedule.opens_on, schedule.choosing_meeting
    latest = timeline.latest_launch
    if opens_on is None:
        if today is not None and latest is not None and today > latest:
            late = days_between(latest, today)
            return [Finding(3, "launch_missing", Severity.VIOLATION, latest, None, late,
                f"Rule 3: the consultation should have opened by {latest}, but on {today} "
                f"it has no opening date, {plural_days(late)} late.")]
        return []
    if choosing is None:
        return [Finding(3, "unchecked_launch", Severity.UNCHECKED, None, opens_on, 0,
            f"Rule 3 not checked: the opening date {opens_on} cannot be checked because "
            "the group meeting that chose the topic is not set.")]
    findings = []
    if opens_on > latest:
        late = days_between(latest, opens_on)
        findings.append(Finding(3, "launch_late", Severity.VIOLATION, latest, opens_on, late,
            f"Rule 3: the consultation should open by {latest} "
            f"({plural_days(settings.launch_within_days)} after the choosing meeting closed "
            f"on {choosing.end}), but it opens on {opens_on}, {plural_days(late)} late."))
    if opens_on < choosing.end:
        early = days_between(opens_on, choosing.end)
        findings.append(Finding(3, "launch_before_choice", Severity.VIOLATION, choosing.end,
            opens_on, early,
            f"Rule 3: the consultation opens on {opens_on}, {plural_days(early)} before "
            f"the group meeting that chose its topic closed on {choosing.end}."))
    return findings


def check_response_deadline(
    settings: RuleSettings, schedule: Schedule, timeline: Timeline
) -> list[Finding]:
    """Res. 1336 rule 4: responses are due N days before the (first day of the)
    physical open consultation meeting, and the deadline cannot come before
    the consultation opens."""
    deadline = schedule.response_deadline
    if deadline is None:
        return []
    findings = []
    physical = schedule.physical_meeting
    if physical is None:
        findings.append(Finding(4, "unchecked_deadline", Severity.UNCHECKED, None, deadline, 0,
            f"Rule 4 not checked: the response deadline {deadline} cannot be checked because "
            "the physical open consultation meeting is not set."))
    elif deadline > timeline.response_deadline:
        late = days_between(timeline.response_deadline, deadline)
        findings.append(Finding(4, "deadline_late", Severity.VIOLATION,
            timeline.response_deadline, deadline, late,
            f"Rule 4: responses should be due by {timeline.response_deadline} "
            f"({plural_days(settings.response_deadline_days_before)} before the physical "
            f"meeting on {physical.start}), but the deadline is {deadline}, "
            f"{plural_days(late)} late."))
    opens_on = schedule.opens_on
    if opens_on is not None and deadline < opens_on:
        early = days_between(deadline, opens_on)
        findings.append(Finding(4, "deadline_before_opening", Severity.VIOLATION, opens_on,
            deadline, early,
            f"Rule 4: the response deadline {deadline} falls {plural_days(early)} before "
            f"the consultation opens on {opens_on}."))
    return findings


def check_compiled_report(
    settings: RuleSettings, schedule: Schedule, timeline: Timeline, today: date | None
) -> list[Finding]:
    """Res. 1336 rule 5: the compiled report is published at least N days before
    the (first day of the) physical open consultation meeting.

    Also advises when the report comes out before the response deadline has
    passed: it cannot then compile all the responses.
    """
    published, due = schedule.report_published_on, timeline.report_due
    physical = schedule.physical_meeting
    if published is None:
        if today is not None and due is not None and today > due:
            late = days_between(due, today)
            return [Finding(5, "report_missing", Severity.VIOLATION, due, None, late,
                f"Rule 5: the compiled report should have been published by {due}, but on "
                f"{today} it is not published, {plural_days(late)} late.")]
        return []
    findings = []
    if physical is None:
        findings.append(Finding(5, "unchecked_report", Severity.UNCHECKED, None, published, 0,
            f"Rule 5 not checked: the report publication date {published} cannot be checked "
            "because the physical open consultation meeting is not set."))
    elif published > due:
        late = days_between(due, published)
        findings.append(Finding(5, "report_late", Severity.VIOLATION, due, published, late,
            f"Rule 5: the compiled report should be published by {due} "
            f"({plural_days(settings.report_days_before)} before the physical meeting on "
            f"{physical.start}), but its publication date is {published}, "
            f"{plural_days(late)} late."))
    deadline = schedule.response_deadline
    if deadline is not None and published <= deadline:
        first_complete_day = deadline + timedelta(days=1)
        early = days_between(published, first_complete_day)
        findings.append(Finding(5, "report_before_deadline", Severity.ADVICE,
            first_complete_day, published, early,
            f"Rule 5 advice: the compiled report is published on {published}, before the "
            f"response deadline {deadline} has passed, so it cannot compile every response "
            f"({plural_days(early)} early)."))
    return findings


def check_physical_meeting(
    settings: RuleSettings, schedule: Schedule, timeline: Timeline
) -> list[Finding]:
    """Res. 1336 rule 6: the physical open consultation meeting is held within the
    N days before the next group meeting (ending before its first day),
    preferably at the start of the week, with remote participation, webcast
    and captioning."""
    physical, following = schedule.physical_meeting, schedule.next_group_meeting
    if physical is None:
        return []
    findings = []
    if following is None:
        findings.append(Finding(6, "unchecked_physical_meeting", Severity.UNCHECKED, None,
            physical.start, 0,
            f"Rule 6 not checked: the physical meeting on {physical.start} cannot be checked "
            "because the next group meeting is not set."))
    else:
        earliest, latest = timeline.physical_meeting_earliest, timeline.physical_meeting_latest
        if physical.start < earliest:
            early = days_between(physical.start, earliest)
            findings.append(Finding(6, "physical_meeting_too_early", Severity.VIOLATION,
                earliest, physical.start, early,
                f"Rule 6: the physical meeting should start no earlier than {earliest} "
                f"(within the {plural_days(settings.physical_meeting_window_days)} before the "
                f"group meeting on {following.start}), but it starts on {physical.start}, "
                f"{plural_days(early)} early."))
        if physical.end > latest:
            late = days_between(latest, physical.end)
            findings.append(Finding(6, "physical_meeting_overlaps_group_meeting",
                Severity.VIOLATION, latest, physical.end, late,
                f"Rule 6: the physical meeting should end by {latest}, before the group "
                f"meeting starts on {following.start}, but it ends on {physical.end}, "
                f"{plural_days(late)} late."))
    if physical.start.weekday() not in START_OF_WEEK:
        weekday = WEEKDAYS[physical.start.weekday()]
        findings.append(Finding(6, "physical_meeting_not_start_of_week", Severity.ADVICE, None,
            physical.start, 0,
            f"Rule 6 advice: the physical meeting starts on {physical.start}, a {weekday}; "
            "the resolution prefers the start of the week (Monday or Tuesday)."))
    findings.extend(check_meeting_access(schedule))
    return findings


def check_meeting_access(schedule: Schedule) -> list[Finding]:
    """Res. 1336 rule 6: the physical meeting offers remote participation, webcast
    and captioning (with caption transcripts), so that persons with
    disabilities can take part."""
    start = schedule.physical_meeting.start
    missing = [
        ("remote_participation_missing", schedule.physical_meeting_remote_participation,
         "remote participation"),
        ("webcast_missing", schedule.physical_meeting_webcast, "a webcast"),
        ("captioning_missing", schedule.physical_meeting_captioning,
         "captioning with caption transcripts"),
    ]
    return [
        Finding(6, code, Severity.VIOLATION, None, start, 0,
            f"Rule 6: the physical meeting on {start} must offer {what}, and does not.")
        for code, offered, what in missing
        if not offered
    ]
