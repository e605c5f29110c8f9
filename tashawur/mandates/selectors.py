"""Reads of mandates with their computed state (due, overdue, answered), in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from tashawur.mandates.due import DueState, DueStatus, Recurrence, due_state
from tashawur.mandates.models import Mandate, MandateAnswer, ProgressNote, Resolution, ResolutionRevision


@dataclass(frozen=True)
class MandateStatus:
    mandate: Mandate
    state: DueState

    @property
    def answers(self):
        return self.mandate.answers.all()


def _mandates() -> QuerySet:
    return Mandate.objects.select_related("resolution", "group").prefetch_related(
        Prefetch("answers", queryset=MandateAnswer.objects.order_by("submitted_on", "pk")),
        Prefetch("progress_notes", queryset=ProgressNote.objects.order_by("-noted_on", "-pk")),
        Prefetch("resolution__revisions", queryset=ResolutionRevision.objects.order_by("year")),
    )


def state_of(mandate: Mandate, today: date) -> DueState:
    """The mandate's state on ``today``, from its dates and its answering documents (prefetched)."""
    session = mandate.resolution.session
    answers = list(mandate.answers.all())
    if mandate.recurrence == Recurrence.ANNUAL:
        answered = {session.in_year(answer.for_year) for answer in answers if answer.for_year}
    else:
        answered = {mandate.due_on} if answers and mandate.due_on else set()
    return due_state(
        mandate.recurrence, due_on=mandate.due_on, first_year=mandate.first_year, last_year=mandate.last_year,
        session=session, answered=answered, today=today,
    )


def mandate_statuses(*, today: date | None = None, resolution: Resolution | None = None, group=None) -> list[MandateStatus]:
    today = today or timezone.localdate()
    mandates = _mandates()
    if resolution is not None:
        mandates = mandates.filter(resolution=resolution)
    if group is not None:
        mandates = mandates.filter(group=group)
    return [MandateStatus(mandate, state_of(mandate, today)) for mandate in mandates.order_by("resolution", "pk")]


@dataclass(frozen=True)
class DueBoard:
    overdue: list[MandateStatus]
    upcoming: list[MandateStatus]
    ongoing: list[MandateStatus]
    answered: list[MandateStatus]
    today: date


def due_board(*, today: date | None = None, group=None) -> DueBoard:
    """Mandates sorted for the "due and overdue" page: the longest overdue first, then the nearest due."""
    today = today or timezone.localdate()
    statuses = mandate_statuses(today=today, group=group)
    by = {status: [item for item in statuses if item.state.status == status] for status in DueStatus}
    return DueBoard(
        overdue=sorted(by[DueStatus.OVERDUE], key=lambda item: item.state.missed[0]),
        upcoming=sorted(by[DueStatus.UPCOMING], key=lambda item: item.state.next_due),
        ongoing=by[DueStatus.ONGOING],
        answered=by[DueStatus.ANSWERED],
        today=today,
    )


def resolutions() -> QuerySet:
    return Resolution.objects.prefetch_related(
        Prefetch("revisions", queryset=ResolutionRevision.objects.order_by("year"))
    ).order_by("body", "number")
