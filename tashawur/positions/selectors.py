"""Reads of positions: the matrix of member states × issues, and the history of one state on one subject."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from tashawur.groups.member_states import country_name
from tashawur.groups.models import MemberState
from tashawur.core.languages import content_language
from tashawur.policy.models import PolicyIssue
from tashawur.policy.regions import states_in
from tashawur.positions.models import PositionStatement


@dataclass(frozen=True)
class MatrixCell:
    issue: PolicyIssue
    stated_on: date | None  # the current statement's date, None when no position is stated


@dataclass(frozen=True)
class MatrixRow:
    member_state: MemberState
    name: str
    cells: tuple[MatrixCell, ...]

    @property
    def stated(self) -> int:
        return sum(1 for cell in self.cells if cell.stated_on)


@dataclass(frozen=True)
class PositionMatrix:
    issues: tuple[PolicyIssue, ...]
    rows: tuple[MatrixRow, ...]
    issue_totals: tuple[int, ...]  # member states with a position, per issue (among the rows)

    @property
    def states_with_a_position(self) -> int:
        return sum(1 for row in self.rows if row.stated)

    @property
    def positions_stated(self) -> int:
        return sum(self.issue_totals)


def position_matrix(*, region: str = "", group=None, language: str | None = None) -> PositionMatrix:
    """Member states (optionally of a UN M49 region) × issues (optionally of one group): three queries."""
    issues = PolicyIssue.objects.order_by("position", "slug")
    if group is not None:
        issues = issues.filter(groups=group)
    issues = tuple(issues)
    states = MemberState.objects.order_by("code")
    if region:
        states = states.filter(code__in=states_in(region))
    current = {
        (state_id, issue_id): stated_on
        for state_id, issue_id, stated_on in PositionStatement.objects.filter(
            is_current=True, issue__in=[issue.pk for issue in issues]
        ).values_list("member_state_id", "issue_id", "stated_on")
    }
    reader = content_language(language)
    rows = [
        MatrixRow(
            member_state=state, name=country_name(state.code, reader),
            cells=tuple(MatrixCell(issue, current.get((state.pk, issue.pk))) for issue in issues),
        )
        for state in states
    ]
    rows.sort(key=lambda row: row.name)
    totals = tuple(sum(1 for row in rows if row.cells[index].stated_on) for index in range(len(issues)))
    return PositionMatrix(issues=issues, rows=tuple(rows), issue_totals=totals)


def history(member_state: MemberState, *, issue=None, topic=None) -> QuerySet:
    """Every statement of a state on a subject, the current one first, then older ones newest first."""
    subject = {"issue": issue} if issue is not None else {"topic": topic}
    return (
        PositionStatement.objects.filter(member_state=member_state, **subject)
        .select_related("superseded_by")
        .order_by("-is_current", "-stated_on", "-pk")
    )


def topic_positions(topic) -> QuerySet:
    return PositionStatement.objects.filter(topic=topic, is_current=True).select_related("member_state")


def statements_between(*, start: date, end: date, issues=None, topics=None) -> QuerySet:
    """Statements dated in [start, end], on the given issues or topics (for the annual report)."""
    from django.db.models import Q

    condition = Q()
    if issues is not None:
        condition |= Q(issue__in=issues)
    if topics is not None:
        condition |= Q(topic__in=topics)
    return PositionStatement.objects.filter(condition, stated_on__gte=start, stated_on__lte=end)
