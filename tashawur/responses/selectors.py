"""Reads of responses for the public page, the secretariat's admin and the export.

Every list here comes with its related rows fetched up front, so a page or an
export makes a fixed number of queries however many responses it shows.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, QuerySet
from django.utils.translation import gettext

from tashawur.consultations.models import Consultation
from tashawur.cycles.models import Question
from tashawur.groups import permissions
from tashawur.groups.models import Role, RoleKind, WorkingGroup
from tashawur.responses.models import (
    Answer, Attachment, AuditEvent, Channel, Publication, Response, StakeholderGroup, Status,
)

PUBLIC_PUBLICATIONS = (Publication.NAMED, Publication.ANONYMOUS)


# --- the public page (Res. 1336 rule 8) -----------------------------------------------------

def consultation_for_responses(slug: str) -> Consultation:
    """The consultation of a responses page, with its questions; raises Consultation.DoesNotExist."""
    return Consultation.objects.select_related("group", "topic").prefetch_related(
        Prefetch("topic__questions", queryset=Question.objects.order_by("position"))
    ).get(slug=slug)


def visible_publications(viewer, group: WorkingGroup) -> tuple[str, ...]:
    """Publication choices a viewer may read: group-only inputs are for the group's members."""
    if permissions.can_see_group_only_inputs(viewer, group):
        return (*PUBLIC_PUBLICATIONS, Publication.GROUP_ONLY)
    return PUBLIC_PUBLICATIONS


@dataclass(frozen=True)
class ResponseFilters:
    stakeholder_group: str = ""
    country: str = ""
    channel: str = ""
    language: str = ""


def _with_public_details(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("meeting__group").prefetch_related(
        Prefetch("answers", queryset=Answer.objects.select_related("question").order_by("question__position")),
        Prefetch(
            "attachments", queryset=Attachment.objects.filter(withheld=False).order_by("pk"),
            to_attr="public_attachments",
        ),
    )


def published_responses(
    consultation: Consultation, *, publications: tuple[str, ...], filters: ResponseFilters = ResponseFilters(),
) -> QuerySet:
    """Published responses the viewer may read, oldest first, with answers and unwithheld files."""
    queryset = Response.objects.filter(
        consultation=consultation, status=Status.PUBLISHED, publication__in=publications,
    )
    for field in ("stakeholder_group", "country", "channel", "language"):
        value = getattr(filters, field)
        if value:
            queryset = queryset.filter(**{field: value})
    return _with_public_details(queryset).order_by("received_at", "pk")


def published_response(consultation: Consultation, receipt_number: str, *, publications: tuple[str, ...]) -> Response:
    """One response for its permanent link; raises Response.DoesNotExist when the viewer may not read it."""
    return _with_public_details(
        Response.objects.filter(consultation=consultation, status=Status.PUBLISHED, publication__in=publications)
    ).get(receipt_number=receipt_number)


@dataclass(frozen=True)
class StatisticsRow:
    stakeholder_group: str
    label: str
    counts: tuple[int, ...]  # one per channel, in StatisticsTable.channels order
    total: int


@dataclass(frozen=True)
class StatisticsTable:
    """Published responses by stakeholder group and channel, as in seed 001's table."""

    channels: tuple[tuple[str, str], ...]  # (value, label)
    rows: tuple[StatisticsRow, ...]
    column_totals: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class ResponsesOverview:
    statistics: StatisticsTable
    countries: tuple[str, ...]  # ISO codes among the responses the viewer may read
    languages: tuple[str, ...]  # ISO 639-1 codes among them
    visible_total: int


def responses_overview(consultation: Consultation, *, publications: tuple[str, ...]) -> ResponsesOverview:
    """Statistics and filter choices from one grouped query.

    The statistics count every published response, group-only ones included:
    they are inputs to the group, so they are counted, though never shown to
    the public. The filter choices come only from responses the viewer may read.
    """
    groups = (
        Response.objects.filter(consultation=consultation, status=Status.PUBLISHED)
        .values_list("publication", "stakeholder_group", "channel", "country", "language")
        .annotate(count=Count("pk"))
        .order_by()
    )
    by_cell, countries, languages, visible = Counter(), set(), set(), 0
    for publication, stakeholder_group, channel, country, language, count in groups:
        by_cell[stakeholder_group, channel] += count
        if publication in publications:
            visible += count
            countries.add(country)
            languages.add(language)
    return ResponsesOverview(
        statistics=_statistics_table(by_cell),
        countries=tuple(sorted(code for code in countries if code)),
        languages=tuple(sorted(code for code in languages if code)),
        visible_total=visible,
    )


def _statistics_table(by_cell: Counter) -> StatisticsTable:
    channels = tuple((value, label) for value, label in Channel.choices)
    row_keys = list(StakeholderGroup.choices)
    if any(group == "" for group, _channel in by_cell):
        row_keys.append(("", gettext("Not stated")))
    rows = []
    for group, label in row_keys:
        counts = tuple(by_cell[group, channel] for channel, _label in channels)
        rows.append(StatisticsRow(stakeholder_group=group, label=str(label), counts=counts, total=sum(counts)))
    column_totals = tuple(sum(row.counts[index] for row in rows) for index in range(len(channels)))
    return StatisticsTable(
        channels=tuple((value, str(label)) for value, label in channels), rows=tuple(rows),
        column_totals=column_totals, total=sum(column_totals),
    )


def downloadable_attachment(*, receipt_number: str, attachment_id: int, viewer) -> Attachment | None:
    """A file of a published response, unless withheld; group-only ones for the group's members only."""
    attachment = (
        Attachment.objects.select_related("response__consultation__group")
        .filter(pk=attachment_id, withheld=False, response__receipt_number=receipt_number,
                response__status=Status.PUBLISHED)
        .first()
    )
    if attachment is None:
        return None
    response = attachment.response
    if response.publication not in visible_publications(viewer, response.consultation.group):
        return None
    return attachment


# --- the secretariat ------------------------------------------------------------------------

def groups_moderated_by(user) -> QuerySet:
    """Groups whose responses the user moderates: those where they are secretariat (all for a superuser)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return WorkingGroup.objects.none()
    if user.is_superuser:
        return WorkingGroup.objects.all()
    return WorkingGroup.objects.filter(
        pk__in=Role.objects.filter(user=user, kind=RoleKind.SECRETARIAT).values("group_id")
    )


def responses_for_moderation(user) -> QuerySet:
    """Every response of the groups the user moderates, whatever its status (rejected ones included)."""
    queryset = Response.objects.select_related("consultation__group", "consultation__topic")
    if user is not None and user.is_authenticated and user.is_active and user.is_superuser:
        return queryset
    return queryset.filter(consultation__group__in=groups_moderated_by(user))


def audit_log(response: Response) -> QuerySet:
    return AuditEvent.objects.filter(response=response).select_related("actor").order_by("at", "pk")


# --- the export -----------------------------------------------------------------------------

def responses_for_export(consultation: Consultation, *, private: bool) -> QuerySet:
    """Public export: the responses anyone may read on the page. Private: every response, every file."""
    queryset = Response.objects.filter(consultation=consultation)
    attachments = Attachment.objects.order_by("pk")
    if not private:
        queryset = queryset.filter(status=Status.PUBLISHED, publication__in=PUBLIC_PUBLICATIONS)
        attachments = attachments.filter(withheld=False)
    # The Message-ID alone: the raw message is not loaded for every response.
    queryset = queryset.annotate(message_id=F("inbound_message__message_id"))
    return queryset.select_related("meeting__group").prefetch_related(
        Prefetch("answers", queryset=Answer.objects.select_related("question").order_by("question__position")),
        Prefetch("attachments", queryset=attachments, to_attr="exported_attachments"),
    ).order_by("received_at", "pk")
