"""Consultation status and the closing instant, from dates in the group's time zone."""

from datetime import date, datetime, timedelta, timezone

import pytest
from zoneinfo import ZoneInfo

from tashawur.rules import (
    ConsultationStatus,
    DateSpan,
    Schedule,
    accepts_responses,
    closes_at,
    consultation_status,
    local_date,
)

# ITU headquarters: Geneva keeps Swiss time, the IANA zone Europe/Zurich
# (there is no "Europe/Geneva" in the time zone database).
GENEVA = ZoneInfo("Europe/Zurich")
AUCKLAND = ZoneInfo("Pacific/Auckland")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
UTC = timezone.utc


def utc(*parts):
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "tz", "today"),
    [
        (utc(2017, 1, 4, 12, 0), AUCKLAND, date(2017, 1, 5)),  # NZDT is UTC+13
        (utc(2017, 1, 4, 10, 59), AUCKLAND, date(2017, 1, 4)),
        (utc(2017, 1, 5, 5, 0), LOS_ANGELES, date(2017, 1, 4)),  # PST is UTC-8
        (utc(2017, 1, 5, 8, 0), LOS_ANGELES, date(2017, 1, 5)),
        (utc(2016, 10, 29, 22, 30), GENEVA, date(2016, 10, 30)),
        (datetime(2017, 1, 5, 1, 0, tzinfo=timezone(timedelta(hours=5))), UTC, date(2017, 1, 4)),
    ],
)
def test_today_is_the_calendar_date_in_the_groups_time_zone(now, tz, today):
    assert local_date(now, tz) == today


def test_a_naive_datetime_has_no_local_date():
    with pytest.raises(ValueError, match="timezone-aware"):
        local_date(datetime(2017, 1, 4, 12, 0), GENEVA)


@pytest.mark.parametrize(
    ("response_deadline", "tz", "closing", "offset_hours"),
    [
        # Autumn: Geneva leaves summer time at 03:00 on 30 Oct 2016.
        (date(2016, 10, 29), GENEVA, utc(2016, 10, 29, 22, 0), 2),
        (date(2016, 10, 30), GENEVA, utc(2016, 10, 30, 23, 0), 1),
        # Spring: Geneva enters summer time at 02:00 on 27 Mar 2016.
        (date(2016, 3, 26), GENEVA, utc(2016, 3, 26, 23, 0), 1),
        (date(2016, 3, 27), GENEVA, utc(2016, 3, 27, 22, 0), 2),
        (date(2017, 1, 4), AUCKLAND, utc(2017, 1, 4, 11, 0), 13),
        (date(2017, 1, 4), LOS_ANGELES, utc(2017, 1, 5, 8, 0), -8),
        # Where a DST change skips midnight, the day starts at 01:00.
        (date(2016, 8, 13), ZoneInfo("America/Santiago"), utc(2016, 8, 14, 4, 0), -3),
        (date(2016, 10, 15), ZoneInfo("America/Sao_Paulo"), utc(2016, 10, 16, 3, 0), -2),
    ],
)
def test_submissions_close_at_the_first_instant_after_the_deadline_day(
    response_deadline, tz, closing, offset_hours
):
    instant = closes_at(response_deadline, tz)
    assert instant == closing
    assert instant.tzinfo is tz
    assert instant.utcoffset() == timedelta(hours=offset_hours)
    assert local_date(instant, tz) == response_deadline + timedelta(days=1)
    # Step back in UTC: arithmetic on an aware datetime in its own zone is wall-clock time.
    assert local_date(instant.astimezone(UTC) - timedelta(microseconds=1), tz) == response_deadline


def test_geneva_autumn_deadline_closes_at_the_next_local_midnight_in_summer_time():
    assert closes_at(date(2016, 10, 29), GENEVA).isoformat() == "2016-10-30T00:00:00+02:00"


def test_geneva_spring_deadline_closes_at_the_next_local_midnight_in_winter_time():
    assert closes_at(date(2016, 3, 26), GENEVA).isoformat() == "2016-03-27T00:00:00+01:00"


def open_until(response_deadline, opens_on=date(2016, 3, 1)):
    return Schedule(opens_on=opens_on, response_deadline=response_deadline)


@pytest.mark.parametrize(
    ("response_deadline", "tz", "last_minute", "closed"),
    [
        (date(2016, 10, 29), GENEVA, utc(2016, 10, 29, 21, 59), utc(2016, 10, 29, 22, 0)),
        (date(2016, 3, 26), GENEVA, utc(2016, 3, 26, 22, 59), utc(2016, 3, 26, 23, 0)),
        (date(2017, 1, 4), AUCKLAND, utc(2017, 1, 4, 10, 59), utc(2017, 1, 4, 11, 0)),
        (date(2017, 1, 4), LOS_ANGELES, utc(2017, 1, 5, 7, 59), utc(2017, 1, 5, 8, 0)),
    ],
)
def test_responses_are_accepted_until_2359_local_on_the_deadline_day(
    response_deadline, tz, last_minute, closed
):
    schedule = open_until(response_deadline)
    assert last_minute.astimezone(tz).strftime("%H:%M") == "23:59"
    assert closed.astimezone(tz).strftime("%H:%M") == "00:00"
    assert accepts_responses(schedule, now=last_minute, tz=tz) is True
    assert accepts_responses(schedule, now=closed, tz=tz) is False


@pytest.mark.parametrize(
    ("now", "accepted"),
    [(utc(2016, 10, 27, 10, 59), False), (utc(2016, 10, 27, 11, 0), True)],
)
def test_responses_are_accepted_from_local_midnight_of_the_opening_day(now, accepted):
    # Midnight on 28 Oct in Auckland (UTC+13) is still 27 Oct in UTC.
    schedule = open_until(date(2017, 1, 4), opens_on=date(2016, 10, 28))
    assert accepts_responses(schedule, now=now, tz=AUCKLAND) is accepted


def test_a_consultation_without_an_opening_date_accepts_nothing():
    assert accepts_responses(Schedule(), now=utc(2017, 1, 1, 12), tz=GENEVA) is False


def test_a_consultation_without_a_deadline_accepts_responses_once_opened():
    schedule = open_until(None, opens_on=date(2017, 1, 1))
    assert accepts_responses(schedule, now=utc(2030, 1, 1), tz=GENEVA) is True


# Announced 20 Oct 2016, open 28 Oct to 7 Jan 2017, report 20 Jan, physical
# meeting 6-7 Feb 2017; Geneva is UTC+2 until 30 Oct and UTC+1 after.
CYCLE = Schedule(
    choosing_meeting=DateSpan(date(2016, 10, 13), date(2016, 10, 14)),
    next_group_meeting=DateSpan(date(2017, 2, 9), date(2017, 2, 10)),
    announced_on=date(2016, 10, 20),
    opens_on=date(2016, 10, 28),
    response_deadline=date(2017, 1, 7),
    report_published_on=date(2017, 1, 20),
    physical_meeting=DateSpan(date(2017, 2, 6), date(2017, 2, 7)),
)


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (utc(2016, 10, 19, 21, 59), ConsultationStatus.DRAFT),
        (utc(2016, 10, 19, 22, 0), ConsultationStatus.ANNOUNCED),
        (utc(2016, 10, 27, 21, 59), ConsultationStatus.ANNOUNCED),
        (utc(2016, 10, 27, 22, 0), ConsultationStatus.OPEN),
        (utc(2017, 1, 7, 22, 59), ConsultationStatus.OPEN),
        (utc(2017, 1, 7, 23, 0), ConsultationStatus.CLOSED),
        (utc(2017, 1, 19, 22, 59), ConsultationStatus.CLOSED),
        (utc(2017, 1, 19, 23, 0), ConsultationStatus.REPORT_PUBLISHED),
        (utc(2017, 2, 7, 22, 59), ConsultationStatus.REPORT_PUBLISHED),  # last meeting day
        (utc(2017, 2, 7, 23, 0), ConsultationStatus.MEETING_HELD),
        (utc(2030, 1, 1), ConsultationStatus.MEETING_HELD),
    ],
)
def test_status_moves_through_all_six_stages_at_local_midnights(now, status):
    assert consultation_status(CYCLE, now=now, tz=GENEVA) is status


def test_status_values_are_stable_strings():
    assert [status.value for status in ConsultationStatus] == [
        "draft", "announced", "open", "closed", "report_published", "meeting_held",
    ]


@pytest.mark.parametrize(
    ("schedule", "status"),
    [
        (Schedule(), ConsultationStatus.DRAFT),
        (Schedule(announced_on=date(2016, 10, 20)), ConsultationStatus.DRAFT),
        (Schedule(opens_on=date(2017, 1, 1)), ConsultationStatus.DRAFT),  # not announced
        (Schedule(announced_on=date(2017, 1, 1), opens_on=date(2017, 1, 2)), ConsultationStatus.DRAFT),
        (Schedule(announced_on=date(2016, 12, 31), opens_on=date(2017, 1, 1)), ConsultationStatus.ANNOUNCED),
        (Schedule(announced_on=date(2016, 12, 1), opens_on=date(2017, 1, 1)), ConsultationStatus.ANNOUNCED),
        (Schedule(announced_on=date(2016, 12, 1), opens_on=date(2016, 12, 30)), ConsultationStatus.OPEN),
        (Schedule(opens_on=date(2016, 12, 1)), ConsultationStatus.OPEN),  # no deadline yet
        # A report out before the deadline: the later stage wins.
        (
            Schedule(opens_on=date(2016, 12, 1), response_deadline=date(2017, 1, 7), report_published_on=date(2016, 12, 30)),
            ConsultationStatus.REPORT_PUBLISHED,
        ),
        # A meeting held with no report: held wins over closed.
        (
            Schedule(opens_on=date(2016, 11, 1), response_deadline=date(2016, 11, 30), physical_meeting=DateSpan.single(date(2016, 12, 20))),
            ConsultationStatus.MEETING_HELD,
        ),
        # A broken schedule that has not opened cannot be closed or reported on.
        (
            Schedule(announced_on=date(2016, 12, 1), opens_on=date(2017, 3, 1), response_deadline=date(2016, 12, 15), report_published_on=date(2016, 12, 20)),
            ConsultationStatus.ANNOUNCED,
        ),
    ],
)
def test_status_on_31_december_2016(schedule, status):
    now = utc(2016, 12, 31, 12, 0)
    assert consultation_status(schedule, now=now, tz=GENEVA) is status


def test_status_is_counted_in_the_groups_time_zone_not_in_utc():
    schedule = Schedule(opens_on=date(2017, 1, 5), response_deadline=date(2017, 2, 1))
    now = utc(2017, 1, 4, 12, 0)  # already 5 Jan in Auckland, still 4 Jan in Los Angeles
    assert consultation_status(schedule, now=now, tz=AUCKLAND) is ConsultationStatus.OPEN
    assert consultation_status(schedule, now=now, tz=LOS_ANGELES) is ConsultationStatus.DRAFT


def test_status_refuses_a_naive_now():
    with pytest.raises(ValueError):
        consultation_status(CYCLE, now=datetime(2017, 1, 1), tz=GENEVA)
