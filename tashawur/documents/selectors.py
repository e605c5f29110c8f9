"""What a compiled report contains, read from the database once (Res. 1336 rules 5 and 8).

The report is plain data (dataclasses) that the HTML, PDF and Word builders all
render the same way. Reading is a fixed number of queries however many responses
there are: responses come in chunks with their answers and attachments prefetched.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from tashawur.consultations.models import Consultation
from tashawur.consultations.selectors import ConsultationCalendar, consultation_calendar
from tashawur.core.languages import localized, localized_language, text_direction
from tashawur.documents.models import Edition, Order, PublicationState, ReportVersion
from tashawur.documents.statistics import Statistics
from tashawur.documents.text import direction, normalised
from tashawur.responses.models import Answer, Attachment, Publication, Response, Status

CHUNK = 2000


@dataclass(frozen=True)
class Text:
    """A text with the language and direction to mark it with."""

    value: str
    lang: str
    dir: str

    @classmethod
    def of(cls, value: str, language: str = "") -> "Text":
        return cls(value, language or "", direction(value, language))

    @classmethod
    def translated(cls, values: dict | None, language: str) -> "Text":
        lang = localized_language(values, language)
        return cls(localized(values, language), lang, text_direction(lang))


@dataclass(frozen=True)
class QuestionItem:
    id: int
    number: int
    text: Text


@dataclass(frozen=True)
class Sender:
    """One respondent, as the edition may show them (no e-mail address, ever)."""

    receipt_number: str
    name: str  # empty when the respondent asked to be anonymous
    organisation: str
    country: str  # ISO code
    stakeholder_group: str
    channel: str
    language: str
    received_on: date
    group_only: bool
    anonymous: bool


@dataclass(frozen=True)
class AttachmentItem:
    filename: str
    size: int
    content_type: str
    withheld: bool
    url: str


@dataclass
class Entry:
    """A submission shown once: one response, or identical ones from several senders."""

    number: int
    senders: list[Sender]
    answers: dict[int, Text]  # question id -> answer
    body: Text | None
    attachments: list[AttachmentItem]

    @property
    def sender(self) -> Sender:
        return self.senders[0]

    @property
    def count(self) -> int:
        return len(self.senders)

    @property
    def is_identical_group(self) -> bool:
        return len(self.senders) > 1


@dataclass
class CompiledReport:
    consultation: Consultation
    language: str
    edition: str
    order: str
    group_identical: bool
    symbol: str
    version: int | None
    issued_on: date
    title: Text
    group_name: Text
    calendar: ConsultationCalendar
    questions: list[QuestionItem]
    entries: list[Entry] = field(default_factory=list)
    statistics: Statistics = field(default_factory=Statistics)

    @property
    def response_count(self) -> int:
        return self.statistics.total

    @property
    def identical_groups(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.is_identical_group]

    @property
    def days_before_meeting(self) -> int | None:
        meeting = self.calendar.schedule.physical_meeting
        return (meeting.start - self.issued_on).days if meeting else None

    def by_question(self) -> list[tuple[QuestionItem, list[tuple[Entry, Text]]]]:
        return [
            (question, [(entry, entry.answers[question.id]) for entry in self.entries if question.id in entry.answers])
            for question in self.questions
        ]

    @property
    def entries_with_statement_or_files(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.body or entry.attachments]


def edition_responses(consultation: Consultation, edition: str):
    """Published responses; the public edition leaves out those meant for the group only (rule 8)."""
    responses = Response.objects.filter(consultation=consultation, status=Status.PUBLISHED)
    if edition == Edition.PUBLIC:
        responses = responses.exclude(publication=Publication.GROUP_ONLY)
    return responses


def attachment_url(consultation: Consultation, attachment: Attachment) -> str:
    path = reverse("documents:attachment", kwargs={"slug": consultation.slug, "sha256": attachment.sha256})
    return f"{settings.PUBLIC_BASE_URL}{path}"


def _sender(response: Response, zone) -> Sender:
    anonymous = response.publication == Publication.ANONYMOUS
    return Sender(
        receipt_number=response.receipt_number,
        name="" if anonymous else response.author_name,
        organisation="" if anonymous else response.organisation,
        country=response.country,
        stakeholder_group=response.stakeholder_group,
        channel=response.channel,
        language=response.language,
        received_on=timezone.localtime(response.received_at, zone).date(),
        group_only=response.publication == Publication.GROUP_ONLY,
        anonymous=anonymous,
    )


def _identity(response: Response) -> tuple:
    """Responses with equal keys are the same submission (a form letter)."""
    answers = tuple(sorted((a.question_id, normalised(a.public_text)) for a in response.answers.all()))
    files = tuple(sorted(a.sha256 for a in response.attachments.all()))
    return normalised(response.public_body), answers, files


def compiled_report(
    consultation: Consultation, *, language: str, edition: str = Edition.PUBLIC, order: str = Order.RESPONDENT,
    group_identical: bool = True, symbol: str = "", version: int | None = None, issued_at: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CompiledReport:
    """Everything one edition of the compiled report shows, in the given language."""
    consultation = Consultation.objects.select_related(
        "group", "topic", "chosen_at", "feeds_meeting", "physical_meeting"
    ).get(pk=consultation.pk)
    zone = consultation.group.zone
    issued_at = issued_at or timezone.now()
    issued_on = timezone.localtime(issued_at, zone).date()
    if consultation.report_published_on is None:  # rule 5 is judged on this document's date
        consultation.report_published_on = issued_on
    report = CompiledReport(
        consultation=consultation, language=language, edition=edition, order=order,
        group_identical=group_identical, symbol=symbol or default_symbol(consultation), version=version,
        issued_on=issued_on, title=Text.translated(consultation.topic.title, language),
        group_name=Text.translated(consultation.group.name, language),
        calendar=consultation_calendar(consultation, now=issued_at),
        questions=[
            QuestionItem(q.pk, q.position, Text.translated(q.text, language))
            for q in consultation.topic.questions.order_by("position")
        ],
    )
    responses = edition_responses(consultation, edition).order_by("received_at", "pk").prefetch_related(
        Prefetch("answers", queryset=Answer.objects.order_by("question__position")),
        Prefetch("attachments", queryset=Attachment.objects.order_by("pk")),
    )
    total = responses.count()
    entries_by_key: dict[tuple, Entry] = {}
    for index, response in enumerate(responses.iterator(chunk_size=CHUNK), start=1):
        sender = _sender(response, zone)
        report.statistics.add(response.stakeholder_group, response.channel, response.language)
        key = _identity(response) if group_identical else (response.pk,)
        entry = entries_by_key.get(key)
        if entry is not None:
            entry.senders.append(sender)
        else:
            entry = Entry(
                number=len(report.entries) + 1,
                senders=[sender],
                answers={a.question_id: Text.of(a.public_text, response.language) for a in response.answers.all()},
                body=Text.of(response.public_body, response.language) if response.public_body.strip() else None,
                attachments=[
                    AttachmentItem(a.filename, a.size, a.content_type, a.withheld, attachment_url(consultation, a))
                    for a in response.attachments.all()
                ],
            )
            entries_by_key[key] = entry
            report.entries.append(entry)
        if progress and (index % 500 == 0 or index == total):
            progress(index, total)
    return report


def for_language(report: CompiledReport, language: str) -> CompiledReport:
    """The same report with its translated parts (title, group, questions) in another language.

    Responses are shown in their original language, so they are read once for all.
    """
    if language == report.language:
        return report
    consultation = report.consultation
    questions = {q.pk: q for q in consultation.topic.questions.all()}
    return replace(
        report, language=language,
        title=Text.translated(consultation.topic.title, language),
        group_name=Text.translated(consultation.group.name, language),
        questions=[
            QuestionItem(item.id, item.number, Text.translated(questions[item.id].text, language))
            for item in report.questions
        ],
    )


def default_symbol(consultation: Consultation) -> str:
    meeting = consultation.feeds_meeting
    number = meeting.number if meeting else ""
    return f"{consultation.group.code}/{number}/{consultation.slug}".replace("//", "/")


def published_versions(consultation: Consultation, edition: str = Edition.PUBLIC):
    return (
        ReportVersion.objects.filter(consultation=consultation, edition=edition, state=PublicationState.PUBLISHED)
        .prefetch_related("files").order_by("-version")
    )


def current_version(consultation: Consultation, edition: str = Edition.PUBLIC) -> ReportVersion | None:
    return published_versions(consultation, edition).first()


@dataclass(frozen=True)
class PublicationSummary:
    """For the consultation page: the current version, its date against the rule-5 due date."""

    current: ReportVersion | None
    older: list[ReportVersion]
    published_on: date | None
    due_on: date | None
    meeting_on: date | None

    @property
    def days_late(self) -> int | None:
        if self.published_on and self.due_on:
            return (self.published_on - self.due_on).days
        return None

    @property
    def days_before_meeting(self) -> int | None:
        if self.published_on and self.meeting_on:
            return (self.meeting_on - self.published_on).days
        return None


def publication_summary(consultation: Consultation) -> PublicationSummary:
    versions = list(published_versions(consultation))
    calendar = consultation_calendar(consultation)
    physical = calendar.schedule.physical_meeting
    first = versions[-1] if versions else None
    published_on = consultation.report_published_on or (
        timezone.localtime(first.published_at, consultation.group.zone).date() if first else None
    )
    return PublicationSummary(
        current=versions[0] if versions else None, older=versions[1:],
        published_on=published_on if versions else None, due_on=calendar.timeline.report_due,
        meeting_on=physical.start if physical else None,
    )
