"""Due dates of mandates, and when they are overdue: arithmetic on dates, no database."""

from datetime import date

from tashawur.mandates.due import DueStatus, SessionDate, due_state

JUNE_17 = SessionDate(6, 17)


def test_a_once_mandate_is_overdue_the_day_after_its_due_date_without_an_answer():
    due = date(2025, 6, 17)
    assert due_state("once", due_on=due, session=JUNE_17, answered=set(), today=date(2025, 6, 17)).status == DueStatus.UPCOMING
    late = due_state("once", due_on=due, session=JUNE_17, answered=set(), today=date(2025, 9, 1))
    assert (late.status, late.missed, late.days_overdue) == (DueStatus.OVERDUE, (due,), 76)
    assert due_state("once", due_on=due, session=JUNE_17, answered={due}, today=date(2025, 9, 1)).status == DueStatus.ANSWERED


def test_an_annual_mandate_is_due_before_each_council_session():
    state = due_state("annual", first_year=2024, session=JUNE_17, answered={date(2024, 6, 17)}, today=date(2025, 9, 1))
    assert state.status == DueStatus.OVERDUE
    assert state.missed == (date(2025, 6, 17),) and state.next_due == date(2026, 6, 17)
    answered = {date(2024, 6, 17), date(2025, 6, 17)}
    on_time = due_state("annual", first_year=2024, session=JUNE_17, answered=answered, today=date(2025, 9, 1))
    assert (on_time.status, on_time.next_due, on_time.missed) == (DueStatus.UPCOMING, date(2026, 6, 17), ())


def test_an_annual_mandate_with_an_end_is_answered_once_its_last_year_is():
    answered = {date(2024, 6, 17), date(2025, 6, 17)}
    state = due_state("annual", first_year=2024, last_year=2025, session=JUNE_17, answered=answered, today=date(2026, 1, 5))
    assert (state.status, state.next_due) == (DueStatus.ANSWERED, None)


def test_a_continuing_mandate_is_never_due():
    assert due_state("continuing", session=JUNE_17, answered=set(), today=date(2030, 1, 1)).status == DueStatus.ONGOING
