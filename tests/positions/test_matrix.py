"""The matrix of member states × issues: who has stated a position, counted per issue, filtered by region."""

import datetime as dt
import re

import pytest

from tashawur.positions.models import PositionStatement
from tashawur.positions.selectors import position_matrix
from tests.factories import WorkingGroupFactory, member_state
from tests.policy.builders import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def positions():
    group = WorkingGroupFactory(code="CWG-A", members=["FR", "KE", "BR"])
    spam, access, other = issue("spam", groups=[group], position=1), issue("access", groups=[group], position=2), issue("other", position=3)

    def state(code, subject, day, current=True):
        return PositionStatement.objects.create(member_state=member_state(code), issue=subject, text="…",
                                                stated_on=dt.date.fromisoformat(day), is_current=current)

    state("FR", spam, "2016-10-13", current=False)  # superseded: not counted twice
    state("FR", spam, "2017-02-06")
    state("KE", spam, "2017-02-06")
    state("KE", access, "2016-10-14")
    state("BR", other, "2016-10-14")
    return group, spam, access, other


def test_counts_per_issue_and_per_state(positions):
    group, spam, access, other = positions
    matrix = position_matrix()
    assert [issue.slug for issue in matrix.issues] == ["spam", "access", "other"]
    assert len(matrix.rows) == 193
    assert matrix.issue_totals == (2, 1, 1)
    assert matrix.states_with_a_position == 3 and matrix.positions_stated == 4
    kenya = next(row for row in matrix.rows if row.member_state.code == "KE")
    assert [cell.stated_on for cell in kenya.cells] == [dt.date(2017, 2, 6), dt.date(2016, 10, 14), None]
    assert kenya.stated == 2


def test_region_and_group_filters(positions):
    group, *_ = positions
    africa = position_matrix(region="002")
    assert len(africa.rows) == 54 and africa.issue_totals == (1, 1, 0)
    europe = position_matrix(region="155")  # Western Europe
    assert {row.member_state.code for row in europe.rows} >= {"FR", "DE"} and europe.issue_totals == (1, 0, 0)
    assert [issue.slug for issue in position_matrix(group=group).issues] == ["spam", "access"]


def test_the_matrix_page_links_every_cell_in_a_fixed_number_of_queries(positions, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        page = client.get("/positions/", {"region": "002"})
    html = page.content.decode()
    assert page.status_code == 200
    assert len(re.findall(r'href="/positions/[A-Z]{2}/issues/[a-z-]+/"', html)) == 54 * 3
    assert 'href="/positions/KE/issues/spam/"' in html and "2017-02-06" in html
    assert "Kenya" in html and "France" not in html
