"""Following up mandates: progress notes and the documents that answer them (the secretariat)."""

from datetime import date

from django.db import transaction

from tashawur.core.errors import NotAllowed
from tashawur.groups import permissions
from tashawur.mandates.models import Mandate, MandateAnswer, ProgressNote
from tashawur.responses.language import detect_language


def _check(actor, mandate: Mandate) -> None:
    """The secretariat of the mandate's group; for a mandate with no group, a superuser."""
    if mandate.group_id:
        allowed = permissions.is_secretariat(actor, mandate.group)
    else:
        allowed = bool(actor and actor.is_authenticated and actor.is_active and actor.is_superuser)
    if not allowed:
        raise NotAllowed()


def add_progress_note(*, actor, mandate: Mandate, text: str, noted_on: date, language: str = "") -> ProgressNote:
    """Record what has been done on a mandate, in any language."""
    _check(actor, mandate)
    with transaction.atomic(durable=True):
        note = ProgressNote(mandate=mandate, text=text.strip(), noted_on=noted_on,
                            language=language or detect_language(text), author=actor)
        note.full_clean()
        note.save()
    return note


def record_answer(
    *, actor, mandate: Mandate, title: str, submitted_on: date, reference: str = "", url: str = "",
    for_year: int | None = None,
) -> MandateAnswer:
    """Link a document that answers the mandate; for an annual one, say which session's report it is."""
    _check(actor, mandate)
    with transaction.atomic(durable=True):
        answer = MandateAnswer(mandate=mandate, title=title, submitted_on=submitted_on, reference=reference, url=url,
                               for_year=for_year)
        answer.full_clean()
        answer.save()
    return answer
