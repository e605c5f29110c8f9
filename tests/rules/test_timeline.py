"""The dates Res. 1336 rules 3-6 expect, as calendar arithmetic."""

from datetime import date

import pytest

from tashawur.rules import DateSpan, RuleSettings, Schedule, Timeline, expected_timeline

DEFAULTS = RuleSettings()


def test_an_empty_schedule_expects_nothing_yet():
    assert expected_timeline(DEFAULTS, Schedule()) == Timeline(None, None, None, None, None)


@pytest.mark.parametrize(
    ("choosing_meeting", "latest_launch"),
    [
        (DateSpan.single(date(2017, 1, 31)), date(2017, 2, 15)),  # across a month end
        (DateSpan.single(date(2016, 12, 20)), date(2017, 1, 4)),  # across a year end
        (DateSpan.single(date(2016, 2, 14)), date(2016, 2, 29)),  # leap year
        (DateSpan.single(date(2024, 2, 14)), date(2024, 2, 29)),  # leap year
        (DateSpan.single(date(2017, 2, 14)), date(2017, 3, 1)),  # common year
        (DateSpan.single(date(2100, 2, 14)), date(2100, 3, 1)),  # 2100 is not a leap year
        # Rule 3 counts from the close, the LAST day of the choosing meeting.
        (DateSpan(date(2016, 10, 13), date(2016, 10, 14)), date(2016, 10, 29)),
        (DateSpan(date(2017, 1, 29), date(2017, 2, 2)), date(2017, 2, 17)),
    ],
)
def test_latest_launch_is_fifteen_days_after_the_choosing_meeting_closes(
    choosing_meeting, latest_launch
):
    timeline = expected_timeline(DEFAULTS, Schedule(choosing_meeting=choosing_meeting))
    assert timeline.latest_launch == latest_launch


@pytest.mark.parametrize(
    ("physical_meeting", "response_deadline", "report_due"),
    [
        (DateSpan.single(date(2016, 3, 30)), date(2016, 2, 29), date(2016, 3, 15)),
        (DateSpan.single(date(2024, 3, 30)), date(2024, 2, 29), date(2024, 3, 15)),
        (DateSpan.single(date(2017, 3, 30)), date(2017, 2, 28), date(2017, 3, 15)),
        (DateSpan.single(date(2100, 3, 30)), date(2100, 2, 28), date(2100, 3, 15)),
        (DateSpan.single(date(2017, 1, 10)), date(2016, 12, 11), date(2016, 12, 26)),
        # Rules 4 and 5 count back from the FIRST day of the physical meeting.
        (DateSpan(date(2017, 2, 2), date(2017, 2, 4)), date(2017, 1, 3), date(2017, 1, 18)),
    ],
)
def test_deadline_and_report_count_back_from_the_physical_meetings_first_day(
    physical_meeting, response_deadline, report_due
):
    timeline = expected_timeline(DEFAULTS, Schedule(physical_meeting=physical_meeting))
    assert timeline.response_deadline == response_deadline
    assert timeline.report_due == report_due
    assert timeline.latest_launch is None and timeline.physical_meeting_earliest is None


@pytest.mark.parametrize(
    ("next_group_meeting", "earliest", "latest"),
    [
        (DateSpan(date(2017, 2, 6), date(2017, 2, 7)), date(2017, 2, 3), date(2017, 2, 5)),
        (DateSpan.single(date(2016, 3, 2)), date(2016, 2, 28), date(2016, 3, 1)),
        (DateSpan.single(date(2017, 3, 2)), date(2017, 2, 27), date(2017, 3, 1)),
        (DateSpan(date(2017, 1, 1), date(2017, 1, 3)), date(2016, 12, 29), date(2016, 12, 31)),
    ],
)
def test_physical_meeting_window_is_the_days_before_the_next_group_meeting(
    next_group_meeting, earliest, latest
):
    timeline = expected_timeline(DEFAULTS, Schedule(next_group_meeting=next_group_meeting))
    assert (timeline.physical_meeting_earliest, timeline.physical_meeting_latest) == (
        earliest,
        latest,
    )


def test_a_group_with_its_own_numbers_gets_its_own_timeline():
    settings = RuleSettings(
        launch_within_days=20,
        response_deadline_days_before=45,
        report_days_before=10,
        physical_meeting_window_days=2,
    )
    schedule = Schedule(
        choosing_meeting=DateSpan(date(2016, 10, 13), date(2016, 10, 14)),
        physical_meeting=DateSpan.single(date(2017, 2, 3)),
        next_group_meeting=DateSpan(date(2017, 2, 6), date(2017, 2, 7)),
    )
    assert expected_timeline(settings, schedule) == Timeline(
        latest_launch=date(2016, 11, 3),
        response_deadline=date(2016, 12, 20),
        report_due=date(2017, 1, 24),
        physical_meeting_earliest=date(2017, 2, 4),
        physical_meeting_latest=date(2017, 2, 5),
    )


def test_a_one_day_window_allows_only_the_eve_of_the_group_meeting():
    settings = RuleSettings(physical_meeting_window_days=1)
    timeline = expected_timeline(
        settings, Schedule(next_group_meeting=DateSpan.single(date(2017, 2, 6)))
    )
    assert timeline.physical_meeting_earliest == timeline.physical_meeting_latest == date(2017, 2, 5)
