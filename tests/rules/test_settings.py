"""A group's numbers, meeting spans and schedules refuse nonsense early."""

from datetime import date, datetime

import pytest

from tashawur.rules import DateSpan, RuleSettings, Schedule


def test_default_settings_are_the_numbers_of_resolution_1336():
    settings = RuleSettings()
    assert settings.launch_within_days == 15
    assert settings.response_deadline_days_before == 30
    assert settings.report_days_before == 15
    assert settings.physical_meeting_window_days == 3
    assert settings.proposals_per_state == 1


def test_a_group_may_set_its_own_numbers():
    settings = RuleSettings(20, 45, 10, 2, 2)
    assert (settings.launch_within_days, settings.response_deadline_days_before) == (20, 45)
    assert (settings.report_days_before, settings.physical_meeting_window_days) == (10, 2)
    assert settings.proposals_per_state == 2


@pytest.mark.parametrize(
    "field", ["launch_within_days", "response_deadline_days_before", "report_days_before"]
)
def test_zero_days_is_allowed_where_the_rule_counts_from_the_meeting_itself(field):
    assert getattr(RuleSettings(**{field: 0}), field) == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("launch_within_days", -1, r"launch_within_days \(rule 3\) must be at least 0, got -1"),
        ("response_deadline_days_before", -5, r"response_deadline_days_before \(rule 4\) must be at least 0"),
        ("report_days_before", -1, r"report_days_before \(rule 5\) must be at least 0"),
        ("physical_meeting_window_days", 0, r"physical_meeting_window_days \(rule 6\) must be at least 1, got 0"),
        ("proposals_per_state", 0, r"proposals_per_state \(rule 2\) must be at least 1, got 0"),
        ("launch_within_days", 1.5, r"launch_within_days \(rule 3\) must be a whole number, got 1.5"),
        ("report_days_before", "15", r"must be a whole number, got '15'"),
        ("physical_meeting_window_days", True, r"must be a whole number, got True"),
        ("proposals_per_state", None, r"must be a whole number, got None"),
    ],
)
def test_settings_refuse_values_that_break_the_calendar(field, value, message):
    with pytest.raises(ValueError, match=message):
        RuleSettings(**{field: value})


def test_settings_are_immutable():
    with pytest.raises(AttributeError):
        RuleSettings().launch_within_days = 3


@pytest.mark.parametrize(
    ("span", "days"),
    [
        (DateSpan.single(date(2017, 2, 3)), 1),
        (DateSpan(date(2016, 10, 13), date(2016, 10, 14)), 2),
        (DateSpan(date(2016, 2, 28), date(2016, 3, 1)), 3),
        (DateSpan(date(2100, 2, 28), date(2100, 3, 1)), 2),
        (DateSpan(date(2016, 12, 31), date(2017, 1, 1)), 2),
    ],
)
def test_a_meeting_counts_both_its_first_and_last_day(span, days):
    assert span.days == days


def test_a_single_day_meeting_starts_and_ends_the_same_day():
    span = DateSpan.single(date(2016, 10, 11))
    assert span.start == span.end == date(2016, 10, 11)


def test_a_meeting_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="cannot end .2016-10-12. before it starts .2016-10-13."):
        DateSpan(date(2016, 10, 13), date(2016, 10, 12))


@pytest.mark.parametrize("value", [datetime(2016, 10, 13, 9), "2016-10-13", None])
def test_a_meeting_is_made_of_calendar_dates_only(value):
    with pytest.raises(TypeError, match="must be a datetime.date"):
        DateSpan(value, date(2016, 10, 14))


def test_a_schedule_may_leave_every_date_unset():
    schedule = Schedule()
    assert schedule.opens_on is None and schedule.physical_meeting is None
    assert schedule.physical_meeting_captioning is True


def test_a_schedule_refuses_a_datetime_for_a_calendar_date():
    with pytest.raises(TypeError, match="response_deadline must be a datetime.date"):
        Schedule(response_deadline=datetime(2017, 1, 4, 23, 59))
