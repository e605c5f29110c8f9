"""A new statement supersedes the current position; the history keeps and shows every statement."""

import datetime as dt

import pytest
import time_machine

from tashawur.positions.errors import EarlierThanCurrent, EmptyPosition, StatementInFuture
from tashawur.positions.models import PositionStatement
from tashawur.positions.services import state_position
from tests.factories import UserFactory, WorkingGroupFactory, member_state, role
from tests.policy.builders import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegate():
    group = WorkingGroupFactory(code="CWG-A", members=["BR"])
    user = UserFactory(username="brazil")
    role(user, group, "delegate", "BR")
    return user, issue("internet-access", groups=[group])


def _state(user, subject, text, day, **kwargs):
    return state_position(actor=user, member_state=member_state("BR"), issue=subject, text=text,
                          stated_on=dt.date.fromisoformat(day), **kwargs)


@time_machine.travel(dt.datetime(2017, 3, 1, 12, tzinfo=dt.UTC), tick=False)
def test_a_new_statement_supersedes_the_old_one_which_stays_in_the_history(delegate, client):
    user, subject = delegate
    first = _state(user, subject, "Access is a priority.", "2016-10-13", language="en")
    second = _state(user, subject, "Ahora, con metas de asequibilidad.", "2017-02-06", language="es")
    first.refresh_from_db()
    assert (first.is_current, first.superseded_by) == (False, second)
    assert second.is_current and second.recorded_by == user
    assert PositionStatement.objects.filter(member_state__code="BR", issue=subject).count() == 2

    page = client.get(f"/positions/BR/issues/{subject.slug}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.index("Ahora, con metas de asequibilidad.") < html.index("Access is a priority.")
    assert 'lang="es"' in html and "Current position" in html and "Earlier position" in html
    assert "Superseded by the statement of Feb. 6, 2017." in html


@time_machine.travel(dt.datetime(2017, 3, 1, 12, tzinfo=dt.UTC), tick=False)
def test_the_history_is_never_rewritten(delegate):
    user, subject = delegate
    _state(user, subject, "Current.", "2017-02-06", language="en")
    with pytest.raises(EarlierThanCurrent):
        _state(user, subject, "Backdated.", "2016-01-01", language="en")
    with pytest.raises(StatementInFuture):
        _state(user, subject, "Tomorrow.", "2017-03-02", language="en")
    with pytest.raises(EmptyPosition):
        _state(user, subject, "   ", "2017-02-07", language="en")
    assert list(PositionStatement.objects.values_list("text", flat=True)) == ["Current."]


def test_the_database_holds_one_current_position_per_state_and_issue(delegate):
    from django.db import IntegrityError, transaction

    _user, subject = delegate
    PositionStatement.objects.create(member_state=member_state("BR"), issue=subject, text="a", stated_on=dt.date(2016, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        PositionStatement.objects.create(member_state=member_state("BR"), issue=subject, text="b", stated_on=dt.date(2016, 2, 1))


@time_machine.travel(dt.datetime(2017, 3, 1, 12, tzinfo=dt.UTC), tick=False)
def test_a_delegate_states_a_position_through_the_form(delegate, client):
    user, subject = delegate
    client.force_login(user)
    url = f"/positions/BR/issues/{subject.slug}/state/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "Notre position.", "stated_on": "2017-02-06", "language": "fr"})
    assert response.status_code == 302 and response["Location"] == f"/positions/BR/issues/{subject.slug}/"
    assert PositionStatement.objects.get().language == "fr"
