"""The topic-proposal window between two group meetings (Res. 1336 rule 2)."""

from datetime import date, datetime

import pytest

from tashawur.rules import DateSpan, accepts_proposals, proposal_window

EIGHTH_MEETING = DateSpan(date(2016, 10, 13), date(2016, 10, 14))
NINTH_MEETING = DateSpan(date(2017, 2, 6), date(2017, 2, 7))


def test_proposals_run_from_the_day_after_a_meeting_to_the_eve_of_the_next():
    assert proposal_window(EIGHTH_MEETING, NINTH_MEETING) == (date(2016, 10, 15), date(2017, 2, 5))


def test_the_window_has_no_last_day_while_the_next_meeting_is_not_set():
    assert proposal_window(EIGHTH_MEETING, None) == (date(2016, 10, 15), None)


@pytest.mark.parametrize(
    ("opened_by", "first_day"),
    [
        (DateSpan.single(date(2017, 1, 31)), date(2017, 2, 1)),
        (DateSpan(date(2016, 2, 27), date(2016, 2, 28)), date(2016, 2, 29)),
        (DateSpan.single(date(2100, 2, 28)), date(2100, 3, 1)),
        (DateSpan.single(date(2016, 12, 31)), date(2017, 1, 1)),
    ],
)
def test_the_window_opens_the_day_after_the_meetings_last_day(opened_by, first_day):
    assert proposal_window(opened_by, None)[0] == first_day


@pytest.mark.parametrize(
    ("today", "accepted"),
    [
        (date(2016, 10, 13), False),
        (date(2016, 10, 14), False),  # last day of the meeting itself
        (date(2016, 10, 15), True),
        (date(2017, 2, 5), True),
        (date(2017, 2, 6), False),  # the next meeting chooses the topic
    ],
)
def test_proposals_are_accepted_only_inside_the_window(today, accepted):
    assert accepts_proposals(EIGHTH_MEETING, NINTH_MEETING, today) is accepted


def test_proposals_stay_open_while_the_next_meeting_is_not_set():
    assert accepts_proposals(EIGHTH_MEETING, None, date(2030, 1, 1)) is True


def test_back_to_back_meetings_leave_no_day_for_proposals():
    following = DateSpan.single(date(2016, 10, 15))
    first_day, last_day = proposal_window(EIGHTH_MEETING, following)
    assert last_day < first_day
    assert not accepts_proposals(EIGHTH_MEETING, following, date(2016, 10, 15))


def test_the_next_meeting_must_start_after_the_opening_meeting_ends():
    with pytest.raises(ValueError, match="must start after"):
        proposal_window(EIGHTH_MEETING, DateSpan.single(date(2016, 10, 14)))


def test_today_must_be_a_calendar_date():
    with pytest.raises(TypeError, match="local_date"):
        accepts_proposals(EIGHTH_MEETING, NINTH_MEETING, datetime(2016, 11, 1, 9))
