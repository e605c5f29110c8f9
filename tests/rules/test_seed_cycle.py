"""The real CWG-Internet cycle of the chair's report (seed 003), 8th and 9th meetings."""

from datetime import date

from tashawur.rules import (
    DateSpan,
    RuleSettings,
    Schedule,
    Severity,
    check_schedule,
    expected_timeline,
    is_compliant,
)

EIGHTH_MEETING = DateSpan(date(2016, 10, 13), date(2016, 10, 14))
NINTH_MEETING = DateSpan(date(2017, 2, 6), date(2017, 2, 7))

# "Enabling environment for Internet access": physical meeting Tuesday 11 Oct 2016.
ENABLING_ENVIRONMENT = Schedule(
    physical_meeting=DateSpan.single(date(2016, 10, 11)),
    next_group_meeting=EIGHTH_MEETING,
)

# "Development aspects of the Internet", chosen at the 8th meeting, physical
# meeting Friday 3 Feb 2017 before the 9th.
DEVELOPMENT_ASPECTS = Schedule(
    choosing_meeting=EIGHTH_MEETING,
    opens_on=date(2016, 10, 28),
    response_deadline=date(2017, 1, 15),
    report_published_on=date(2017, 1, 19),
    physical_meeting=DateSpan.single(date(2017, 2, 3)),
    next_group_meeting=NINTH_MEETING,
)


def test_first_consultation_physical_meeting_fits_the_window_before_the_8th_meeting():
    timeline = expected_timeline(RuleSettings(), ENABLING_ENVIRONMENT)
    assert timeline.response_deadline == date(2016, 9, 11)
    assert timeline.report_due == date(2016, 9, 26)
    assert timeline.physical_meeting_earliest <= date(2016, 10, 11) <= timeline.physical_meeting_latest
    assert check_schedule(RuleSettings(), ENABLING_ENVIRONMENT) == []


def test_second_consultation_timeline_from_the_8th_and_9th_meetings():
    timeline = expected_timeline(RuleSettings(), DEVELOPMENT_ASPECTS)
    assert timeline.latest_launch == date(2016, 10, 29)
    assert timeline.response_deadline == date(2017, 1, 4)
    assert timeline.report_due == date(2017, 1, 19)
    assert timeline.physical_meeting_earliest == date(2017, 2, 3)
    assert timeline.physical_meeting_latest == date(2017, 2, 5)


def test_second_consultation_deadline_was_eleven_days_late_and_the_meeting_on_a_friday():
    findings = check_schedule(RuleSettings(), DEVELOPMENT_ASPECTS)
    assert [(f.rule, f.code, f.severity, f.days_off) for f in findings] == [
        (4, "deadline_late", Severity.VIOLATION, 11),
        (6, "physical_meeting_not_start_of_week", Severity.ADVICE, 0),
    ]
    deadline_late = findings[0]
    assert (deadline_late.expected, deadline_late.actual) == (date(2017, 1, 4), date(2017, 1, 15))
    assert "Friday" in findings[1].text
    assert not is_compliant(findings)
