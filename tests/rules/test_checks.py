"""check_schedule reports each way a schedule departs from Res. 1336 rules 3-6."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from tashawur.rules import (
    DateSpan,
    Finding,
    RuleSettings,
    Schedule,
    Severity,
    check_schedule,
    is_compliant,
    violations,
)

DEFAULTS = RuleSettings()

# A cycle that keeps every rule: the group chose the topic on 13-14 Oct 2016
# and meets next on Thursday 9 Feb 2017, so the physical meeting can be held on
# Monday 6 Feb. Limits: launch by 29 Oct, deadline 7 Jan, report 22 Jan,
# physical meeting 6-8 Feb.
COMPLIANT = Schedule(
    choosing_meeting=DateSpan(date(2016, 10, 13), date(2016, 10, 14)),
    next_group_meeting=DateSpan(date(2017, 2, 9), date(2017, 2, 10)),
    announced_on=date(2016, 10, 20),
    opens_on=date(2016, 10, 28),
    response_deadline=date(2017, 1, 7),
    physical_meeting=DateSpan.single(date(2017, 2, 6)),
    report_published_on=date(2017, 1, 20),
)


def findings_for(*, today=None, **changes):
    """Check COMPLIANT under the resolution's numbers, with some dates changed."""
    return check_schedule(DEFAULTS, replace(COMPLIANT, **changes), today=today)


def only(findings, code):
    matching = [finding for finding in findings if finding.code == code]
    assert len(matching) == 1, findings
    return matching[0]


def codes(findings):
    return [finding.code for finding in findings]


def test_a_schedule_that_keeps_every_rule_has_no_findings():
    findings = check_schedule(DEFAULTS, COMPLIANT, today=date(2017, 2, 20))
    assert findings == []
    assert is_compliant(findings)


def test_an_empty_schedule_has_nothing_to_report():
    assert check_schedule(DEFAULTS, Schedule(), today=date(2017, 1, 1)) == []


# Rule 3: launch.


@pytest.mark.parametrize(
    ("opens_on", "expected_codes"),
    [
        (date(2016, 10, 29), []),  # exactly on the limit
        (date(2016, 10, 14), []),  # the last day of the choosing meeting itself
        (date(2016, 10, 30), ["launch_late"]),
        (date(2016, 10, 13), ["launch_before_choice"]),  # first day of a two-day meeting
    ],
)
def test_launch_is_checked_against_the_close_of_the_choosing_meeting(opens_on, expected_codes):
    findings = findings_for(opens_on=opens_on, announced_on=None)
    assert codes(findings) == expected_codes


def test_a_launch_one_day_late_is_a_violation_by_one_day():
    finding = only(findings_for(opens_on=date(2016, 10, 30)), "launch_late")
    assert (finding.rule, finding.severity) == (3, Severity.VIOLATION)
    assert (finding.expected, finding.actual, finding.days_off) == (
        date(2016, 10, 29),
        date(2016, 10, 30),
        1,
    )
    assert "2016-10-29" in finding.text and "2016-10-30" in finding.text
    assert "1 day late" in finding.text


def test_a_launch_before_the_topic_was_chosen_counts_days_to_the_meetings_close():
    finding = only(findings_for(opens_on=date(2016, 10, 10)), "launch_before_choice")
    assert (finding.rule, finding.expected, finding.days_off) == (3, date(2016, 10, 14), 4)
    assert "4 days before" in finding.text


@pytest.mark.parametrize(("today", "days_off"), [(date(2016, 10, 29), None), (date(2016, 10, 30), 1), (date(2016, 11, 8), 10)])
def test_a_consultation_not_opened_after_the_limit_is_missing(today, days_off):
    findings = check_schedule(DEFAULTS, replace(COMPLIANT, opens_on=None), today=today)
    if days_off is None:
        assert "launch_missing" not in codes(findings)
    else:
        finding = only(findings, "launch_missing")
        assert (finding.expected, finding.actual, finding.days_off) == (date(2016, 10, 29), None, days_off)


def test_a_missing_launch_is_not_reported_without_today():
    assert "launch_missing" not in codes(findings_for(opens_on=None))


def test_launch_without_a_choosing_meeting_is_unchecked_not_a_violation():
    findings = findings_for(choosing_meeting=None)
    finding = only(findings, "unchecked_launch")
    assert (finding.rule, finding.severity, finding.actual) == (3, Severity.UNCHECKED, date(2016, 10, 28))
    assert "not set" in finding.text
    assert violations(findings) == [] and is_compliant(findings)


def test_no_launch_and_no_choosing_meeting_reports_nothing_for_rule_3():
    assert findings_for(choosing_meeting=None, opens_on=None, today=date(2017, 1, 1)) == []


# Rule 4: response deadline.


@pytest.mark.parametrize(
    ("response_deadline", "days_off"),
    [(date(2017, 1, 7), None), (date(2016, 12, 1), None), (date(2017, 1, 8), 1), (date(2017, 1, 15), 8)],
)
def test_responses_are_due_thirty_days_before_the_physical_meeting(response_deadline, days_off):
    findings = findings_for(response_deadline=response_deadline)
    if days_off is None:
        assert "deadline_late" not in codes(findings)
    else:
        finding = only(findings, "deadline_late")
        assert (finding.rule, finding.expected, finding.days_off) == (4, date(2017, 1, 7), days_off)


def test_the_deadline_counts_from_the_first_day_of_a_multi_day_physical_meeting():
    findings = findings_for(physical_meeting=DateSpan(date(2017, 2, 6), date(2017, 2, 8)))
    assert findings == []
    late = findings_for(physical_meeting=DateSpan(date(2017, 2, 5), date(2017, 2, 8)))
    assert only(late, "deadline_late").days_off == 1


@pytest.mark.parametrize(
    ("response_deadline", "days_off"),
    [(date(2016, 10, 28), None), (date(2016, 10, 27), 1), (date(2016, 10, 20), 8)],
)
def test_a_deadline_before_the_consultation_opens_is_a_broken_schedule(response_deadline, days_off):
    findings = findings_for(response_deadline=response_deadline, report_published_on=None)
    if days_off is None:
        assert "deadline_before_opening" not in codes(findings)
    else:
        finding = only(findings, "deadline_before_opening")
        assert (finding.rule, finding.severity) == (4, Severity.VIOLATION)
        assert (finding.expected, finding.actual, finding.days_off) == (date(2016, 10, 28), response_deadline, days_off)


def test_a_deadline_before_opening_is_found_even_without_a_physical_meeting():
    findings = findings_for(physical_meeting=None, response_deadline=date(2016, 10, 27), report_published_on=None)
    assert codes(findings) == ["deadline_before_opening", "unchecked_deadline"]


def test_deadline_without_a_physical_meeting_is_unchecked():
    findings = findings_for(physical_meeting=None, report_published_on=None)
    finding = only(findings, "unchecked_deadline")
    assert (finding.rule, finding.severity, finding.actual) == (4, Severity.UNCHECKED, date(2017, 1, 7))
    assert is_compliant(findings)


# Rule 5: compiled report.


@pytest.mark.parametrize(
    ("report_published_on", "days_off"),
    [(date(2017, 1, 22), None), (date(2017, 1, 8), None), (date(2017, 1, 23), 1), (date(2017, 2, 6), 15)],
)
def test_the_compiled_report_is_due_fifteen_days_before_the_physical_meeting(report_published_on, days_off):
    findings = findings_for(report_published_on=report_published_on)
    if days_off is None:
        assert findings == []
    else:
        finding = only(findings, "report_late")
        assert (finding.rule, finding.expected, finding.days_off) == (5, date(2017, 1, 22), days_off)
        assert "2017-01-22" in finding.text and str(report_published_on) in finding.text


@pytest.mark.parametrize(("today", "days_off"), [(date(2017, 1, 22), None), (date(2017, 1, 23), 1), (date(2017, 2, 1), 10)])
def test_a_report_not_published_after_it_was_due_is_missing(today, days_off):
    findings = findings_for(report_published_on=None, today=today)
    if days_off is None:
        assert findings == []
    else:
        finding = only(findings, "report_missing")
        assert (finding.rule, finding.severity) == (5, Severity.VIOLATION)
        assert (finding.expected, finding.actual, finding.days_off) == (date(2017, 1, 22), None, days_off)


def test_a_missing_report_is_not_reported_without_today():
    assert findings_for(report_published_on=None) == []


@pytest.mark.parametrize(
    ("report_published_on", "days_off"),
    [(date(2017, 1, 8), None), (date(2017, 1, 7), 1), (date(2017, 1, 1), 7)],
)
def test_a_report_published_before_the_deadline_passed_is_advice(report_published_on, days_off):
    findings = findings_for(report_published_on=report_published_on)
    if days_off is None:
        assert findings == []
    else:
        finding = only(findings, "report_before_deadline")
        assert (finding.rule, finding.severity) == (5, Severity.ADVICE)
        assert (finding.expected, finding.actual, finding.days_off) == (date(2017, 1, 8), report_published_on, days_off)
        assert is_compliant(findings)


def test_report_without_a_physical_meeting_is_unchecked():
    findings = findings_for(physical_meeting=None, response_deadline=None)
    finding = only(findings, "unchecked_report")
    assert (finding.rule, finding.severity, finding.actual) == (5, Severity.UNCHECKED, date(2017, 1, 20))


# Rule 6: physical open consultation meeting.


@pytest.mark.parametrize(
    ("physical_meeting", "expected_codes", "days_off"),
    [
        (DateSpan.single(date(2017, 2, 6)), [], 0),  # first day of the window
        (DateSpan.single(date(2017, 2, 7)), [], 0),
        (DateSpan(date(2017, 2, 6), date(2017, 2, 8)), [], 0),  # fills the window
        (DateSpan.single(date(2017, 2, 5)), ["physical_meeting_too_early"], 1),
        (DateSpan.single(date(2017, 1, 31)), ["physical_meeting_too_early"], 6),
        (DateSpan.single(date(2017, 2, 9)), ["physical_meeting_overlaps_group_meeting"], 1),
        (DateSpan(date(2017, 2, 7), date(2017, 2, 10)), ["physical_meeting_overlaps_group_meeting"], 2),
    ],
)
def test_the_physical_meeting_is_held_within_three_days_before_the_group_meeting(
    physical_meeting, expected_codes, days_off
):
    # Deadline and report move with the meeting, so only rule 6 is at stake.
    findings = findings_for(physical_meeting=physical_meeting, response_deadline=None, report_published_on=None)
    found = [finding for finding in violations(findings) if finding.rule == 6]
    assert codes(found) == expected_codes
    for finding in found:
        assert finding.days_off == days_off


def test_a_meeting_too_early_names_the_first_allowed_day():
    finding = only(findings_for(physical_meeting=DateSpan.single(date(2017, 2, 5))), "physical_meeting_too_early")
    assert (finding.expected, finding.actual) == (date(2017, 2, 6), date(2017, 2, 5))


def test_a_meeting_that_overlaps_names_the_eve_of_the_group_meeting():
    finding = only(
        findings_for(physical_meeting=DateSpan(date(2017, 2, 8), date(2017, 2, 9))),
        "physical_meeting_overlaps_group_meeting",
    )
    assert (finding.expected, finding.actual, finding.days_off) == (date(2017, 2, 8), date(2017, 2, 9), 1)


@pytest.mark.parametrize(
    ("start", "advised"),
    [
        (date(2017, 2, 6), False),  # Monday
        (date(2017, 2, 7), False),  # Tuesday
        (date(2017, 2, 8), True),  # Wednesday
        (date(2017, 2, 9), True),
        (date(2017, 2, 10), True),
        (date(2017, 2, 11), True),
        (date(2017, 2, 12), True),  # Sunday
    ],
)
def test_the_physical_meeting_is_advised_to_start_the_week(start, advised):
    findings = findings_for(physical_meeting=DateSpan.single(start), next_group_meeting=None)
    found = [finding for finding in findings if finding.code == "physical_meeting_not_start_of_week"]
    assert bool(found) is advised
    if advised:
        assert (found[0].rule, found[0].severity, found[0].actual, found[0].days_off) == (6, Severity.ADVICE, start, 0)


@pytest.mark.parametrize(
    ("flag", "code"),
    [
        ("physical_meeting_remote_participation", "remote_participation_missing"),
        ("physical_meeting_webcast", "webcast_missing"),
        ("physical_meeting_captioning", "captioning_missing"),
    ],
)
def test_the_physical_meeting_must_offer_remote_participation_webcast_and_captioning(flag, code):
    findings = findings_for(**{flag: False})
    finding = only(findings, code)
    assert (finding.rule, finding.severity, finding.days_off) == (6, Severity.VIOLATION, 0)
    assert codes(findings) == [code]
    assert not is_compliant(findings)


def test_access_flags_are_not_checked_before_a_physical_meeting_is_set():
    findings = findings_for(
        physical_meeting=None,
        physical_meeting_remote_participation=False,
        physical_meeting_webcast=False,
        physical_meeting_captioning=False,
        response_deadline=None,
        report_published_on=None,
    )
    assert findings == []


def test_physical_meeting_without_the_next_group_meeting_is_unchecked():
    findings = findings_for(next_group_meeting=None)
    finding = only(findings, "unchecked_physical_meeting")
    assert (finding.rule, finding.severity, finding.actual) == (6, Severity.UNCHECKED, date(2017, 2, 6))
    assert is_compliant(findings)


# Whole-schedule behaviour.


def test_findings_are_ordered_by_rule_then_code():
    broken = replace(
        COMPLIANT,
        opens_on=date(2016, 11, 2),
        response_deadline=date(2016, 11, 1),
        report_published_on=date(2017, 1, 30),
        physical_meeting=DateSpan(date(2017, 2, 3), date(2017, 2, 9)),
        physical_meeting_webcast=False,
        physical_meeting_captioning=False,
    )
    findings = check_schedule(DEFAULTS, broken)
    assert [(finding.rule, finding.code) for finding in findings] == [
        (3, "launch_late"),
        (4, "deadline_before_opening"),
        (5, "report_late"),
        (6, "captioning_missing"),
        (6, "physical_meeting_not_start_of_week"),
        (6, "physical_meeting_overlaps_group_meeting"),
        (6, "physical_meeting_too_early"),
        (6, "webcast_missing"),
    ]
    assert len(violations(findings)) == 7
    assert all(finding.days_off > 0 for finding in findings if finding.expected is not None)


def test_a_group_with_its_own_numbers_is_checked_against_them():
    settings = RuleSettings(
        launch_within_days=20,
        response_deadline_days_before=45,
        report_days_before=10,
        physical_meeting_window_days=2,
    )
    schedule = replace(COMPLIANT, opens_on=date(2016, 11, 3), report_published_on=date(2017, 1, 27))
    findings = check_schedule(settings, schedule)
    assert [(finding.code, finding.expected, finding.days_off) for finding in findings] == [
        ("deadline_late", date(2016, 12, 23), 15),
        ("physical_meeting_too_early", date(2017, 2, 7), 1),
    ]
    # The same dates under the resolution's own numbers: a late launch and report.
    assert codes(check_schedule(DEFAULTS, schedule)) == ["launch_late", "report_late"]


def test_findings_are_frozen_data_that_print_as_their_text():
    finding = only(findings_for(opens_on=date(2016, 11, 1)), "launch_late")
    assert isinstance(finding, Finding)
    assert str(finding) == finding.text
    assert finding.text.startswith("Rule 3:") and "3 days late" in finding.text
    with pytest.raises(AttributeError):
        finding.days_off = 0


def test_today_must_be_a_calendar_date_not_an_instant():
    with pytest.raises(TypeError, match="local_date"):
        check_schedule(DEFAULTS, COMPLIANT, today=datetime(2017, 1, 1, 12))
