"""Publishing the compiled report: queue it, generate it in the background, store it immutably.

Res. 1336 rule 5: the secretariat publishes a compilation of the responses no later
than 15 days before the physical meeting. Rule 8: all responses and that compilation
go to the group and to all stakeholders. A published version never changes;
publishing again makes version n+1 and keeps every earlier one.
"""

import hashlib
import logging
import time
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tashawur.consultations.models import Consultation
from tashawur.consultations.services import record_findings
from tashawur.core.errors import NotAllowed, TashawurError
from tashawur.core.languages import CONTENT_LANGUAGES
from tashawur.documents.builders import render_compiled_report
from tashawur.documents.errors import UnknownOption
from tashawur.documents.models import Edition, Format, Order, PublicationState, ReportFile, ReportVersion
from tashawur.documents.selectors import compiled_report, default_symbol, for_language
from tashawur.groups import permissions

logger = logging.getLogger(__name__)
READING_SHARE = 10  # percent of the progress bar for reading the responses
CHARS_PER_PAGE = 3500  # to estimate a PDF's page count from its HTML while it is laid out


def _check_options(edition, languages, formats, order):
    if edition not in Edition.values:
        raise UnknownOption(value=edition, option="edition")
    if order not in Order.values:
        raise UnknownOption(value=order, option="order")
    for language in languages or [None]:
        if language not in CONTENT_LANGUAGES:
            raise UnknownOption(value=language or "—", option="language")
    for file_format in formats or [None]:
        if file_format not in Format.values:
            raise UnknownOption(value=file_format or "—", option="format")


def request_publication(
    *, actor, consultation: Consultation, edition: str = Edition.PUBLIC, languages: list[str], formats: list[str],
    order: str = Order.RESPONDENT, group_identical: bool = True, symbol: str = "",
) -> ReportVersion:
    """Queue a new version of the compiled report; the worker generates it (Res. 1336 rules 5 and 8).

    Version numbers are per consultation and edition, taken under a lock on the
    consultation so two clicks make versions n+1 and n+2, never two n+1.
    """
    if not permissions.can_manage_group(actor, consultation.group):
        raise NotAllowed()
    _check_options(edition, languages, formats, order)
    with transaction.atomic(durable=True):
        Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
        last = ReportVersion.objects.filter(consultation=consultation, edition=edition).aggregate(n=Max("version"))["n"]
        number = (last or 0) + 1
        base = symbol or default_symbol(consultation)
        version = ReportVersion(
            consultation=consultation, edition=edition, version=number,
            symbol=base if number == 1 or symbol else f"{base}/Rev.{number - 1}",
            languages=[code for code in CONTENT_LANGUAGES if code in languages],
            formats=[code for code in Format.values if code in formats],
            order=order, group_identical=group_identical, requested_by=actor,
        )
        version.full_clean()
        version.save()
        transaction.on_commit(partial(_enqueue, version.pk))
    logger.info("report_version_queued version_id=%s consultation=%s edition=%s version=%s",
                version.pk, consultation.slug, edition, number)
    return version


def _enqueue(version_id: int) -> None:
    from tashawur.documents.tasks import generate_report_version

    result = generate_report_version.enqueue(version_id=version_id)
    ReportVersion.objects.filter(pk=version_id).update(task_id=str(result.id))


class _Progress:
    """Writes the version's progress row at most twice a second, for the secretariat's page."""

    def __init__(self, version: ReportVersion, files: int):
        self.version_id, self.files, self.last = version.pk, files, 0.0

    def update(self, percent: float, stage: str, *, force: bool = False):
        now = time.monotonic()
        if not force and now - self.last < 0.5:
            return
        self.last = now
        ReportVersion.objects.filter(pk=self.version_id, state=PublicationState.RUNNING).update(
            progress=max(0, min(99, int(percent))), stage=stage[:200],
        )

    def reading(self, done: int, total: int):
        self.update(READING_SHARE * done / max(total, 1), f"reading||{done}|{total}")

    def file(self, index: int, language: str, file_format: str, fraction: float = 0.0, page: int = 0):
        share = (100 - READING_SHARE) / self.files
        self.update(READING_SHARE + share * (index + min(fraction, 0.99)), f"file|{language}|{file_format}|{page}",
                    force=not fraction)


def generate_report(*, version_id: int) -> ReportVersion:
    """Generate and store every file of a queued version, then publish it (run by the worker).

    The version is claimed with a conditional UPDATE, so a second worker (or a
    retried task) does nothing. On failure the version is marked failed with the
    reason and its partial files are removed; nothing published is ever touched.
    """
    started = timezone.now()
    claimed = ReportVersion.objects.filter(pk=version_id, state=PublicationState.QUEUED).update(
        state=PublicationState.RUNNING, started_at=started, stage="reading||0|0",
    )
    version = ReportVersion.objects.select_related("consultation__group").get(pk=version_id)
    if not claimed:
        return version
    progress = _Progress(version, files=len(version.languages) * len(version.formats))
    stored: list[ReportFile] = []
    try:
        report = compiled_report(
            version.consultation, language=version.languages[0], edition=version.edition, order=version.order,
            group_identical=version.group_identical, symbol=version.symbol, version=version.version,
            issued_at=started, progress=progress.reading,
        )
        index = 0
        for language in version.languages:
            localized_report = for_language(report, language)
            for file_format in version.formats:
                stored.append(_store(version, localized_report, language, file_format, progress, index))
                index += 1
    except Exception as exc:
        _fail(version, exc, stored)
        raise
    with transaction.atomic(durable=True):
        published_at = timezone.now()
        ReportVersion.objects.filter(pk=version.pk, state=PublicationState.RUNNING).update(
            state=PublicationState.PUBLISHED, progress=100, stage="done||", published_at=published_at,
            response_count=report.response_count,
        )
        if version.edition == Edition.PUBLIC:
            _record_first_publication(version.consultation, published_at)
    logger.info("report_version_published version_id=%s files=%s responses=%s seconds=%.1f", version.pk,
                len(stored), report.response_count, (timezone.now() - started).total_seconds())
    return ReportVersion.objects.get(pk=version.pk)


def _store(version, report, language, file_format, progress: _Progress, index: int) -> ReportFile:
    progress.file(index, language, file_format)
    estimated_pages = max(1, report.response_count * 400 // CHARS_PER_PAGE)

    def on_page(_stage, page):
        progress.file(index, language, file_format, fraction=page / estimated_pages if page else 0.95, page=page)

    data = render_compiled_report(report, file_format, progress=on_page)
    row = ReportFile(version=version, language=language, format=file_format, size=len(data),
                     sha256=hashlib.sha256(data).hexdigest())
    row.file.save(row.filename, ContentFile(data), save=False)
    row.save()
    return row


def _fail(version: ReportVersion, exc: Exception, stored: list[ReportFile]):
    reason = exc.message if isinstance(exc, TashawurError) else f"{type(exc).__name__}: {exc}"
    for row in stored:
        row.file.storage.delete(row.file.name)
        ReportFile.objects.filter(pk=row.pk).delete()
    ReportVersion.objects.filter(pk=version.pk).update(state=PublicationState.FAILED, error=reason[:4000], stage="failed||")
    logger.error("report_version_failed version_id=%s reason=%s", version.pk, reason)


def _record_first_publication(consultation: Consultation, published_at) -> None:
    """Rule 5 is judged on the first publication: set the consultation's date once, then re-check the rules."""
    day = timezone.localtime(published_at, consultation.group.zone).date()
    updated = Consultation.objects.filter(pk=consultation.pk, report_published_on__isnull=True).update(
        report_published_on=day,
    )
    if updated:
        consultation.refresh_from_db()
        record_findings(consultation=consultation)
