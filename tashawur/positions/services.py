"""Stating a member state's position (Res. 1336 rule 10): a new statement supersedes the current one,
which stays in the history."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from tashawur.core.errors import NotAllowed
from tashawur.groups.models import MemberState
from tashawur.positions import permissions
from tashawur.positions.errors import EarlierThanCurrent, EmptyPosition, PositionError, StatementInFuture
from tashawur.positions.models import PositionStatement
from tashawur.responses.language import detect_language


def state_position(
    *, actor, member_state: MemberState, text: str, stated_on: date, issue=None, topic=None, language: str = "",
) -> PositionStatement:
    """Record the state's position on an issue or a consultation topic; the current one is superseded.

    Only a delegate of that state in a group handling the subject, or that group's
    secretariat, may write it. The history is never rewritten: a statement dated
    before the current one is refused.
    """
    if (issue is None) == (topic is None):
        raise PositionError()
    if not permissions.can_state_position(actor, member_state, issue=issue, topic=topic):
        raise NotAllowed()
    text = (text or "").strip()
    if not text:
        raise EmptyPosition()
    today = timezone.localdate()
    if stated_on > today:
        raise StatementInFuture(today=today.isoformat())
    subject = {"issue": issue} if issue is not None else {"topic": topic}
    with transaction.atomic(durable=True):
        current = (
            PositionStatement.objects.select_for_update()
            .filter(member_state=member_state, is_current=True, **subject).first()
        )
        if current and stated_on < current.stated_on:
            raise EarlierThanCurrent(current=current.stated_on.isoformat())
        statement = PositionStatement.objects.create(
            member_state=member_state, text=text, stated_on=stated_on, is_current=False,
            language=language or detect_language(text), recorded_by=actor, **subject,
        )
        if current:
            current.is_current, current.superseded_by = False, statement
            current.save(update_fields=["is_current", "superseded_by"])
        statement.is_current = True
        statement.save(update_fields=["is_current"])
    return statement
