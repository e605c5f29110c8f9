"""The facts of a chair's report, read from the platform's records (seed 003's shape).

Res. 1336 rules 2 and 8: the group's meetings, who attended, the open consultations
whose results were presented, what each meeting decided about the next topic (or
that it referred the question to Council), and the candidate topics with their
questions as an annex. The narrative is the secretariat's, from ``ChairReport``.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q

from tashawur.consultations.models import Consultation
from tashawur.cycles.models import Decision, DecisionTopic, Question
from tashawur.documents.models import ChairReport, MeetingAttendance
from tashawur.documents.selectors import Text
from tashawur.groups.member_states import country_name
from tashawur.meetings.models import Meeting
from tashawur.responses.models import Publication, Status


@dataclass(frozen=True)
class MeetingFacts:
    number: int
    starts_on: date
    ends_on: date
    city: str
    venue: str
    attended: list[str]  # member-state names in the report's language, sorted
    remote: list[str]


@dataclass(frozen=True)
class ConsultationFacts:
    title: Text
    opens_on: date | None
    response_deadline: date | None
    physical_meeting_on: date | None
    responses: int
    slug: str


@dataclass(frozen=True)
class TopicFacts:
    title: Text
    description: Text
    questions: list[Text]


@dataclass(frozen=True)
class DecisionFacts:
    meeting_number: int
    referred_to_council: bool
    topics: list[TopicFacts]
    summary: Text


@dataclass(frozen=True)
class ChairReportData:
    report: ChairReport
    language: str
    group_name: Text
    group_code: str
    chair_state: str
    meetings: list[MeetingFacts]
    consultations: list[ConsultationFacts]
    decisions: list[DecisionFacts]
    narrative: dict[str, Text]

    @property
    def annex_topics(self) -> list[TopicFacts]:
        """Candidate topics referred to Council (seed 003's annex), then adopted topics that have questions."""
        referred = [t for d in self.decisions if d.referred_to_council for t in d.topics]
        adopted = [t for d in self.decisions if not d.referred_to_council for t in d.topics if t.questions]
        return referred + adopted

    @property
    def meeting_numbers(self) -> list[int]:
        return [meeting.number for meeting in self.meetings]


def _topic(topic, language: str) -> TopicFacts:
    return TopicFacts(
        title=Text.translated(topic.title, language),
        description=Text.translated(topic.description, language),
        questions=[Text.translated(q.text, language) for q in topic.questions.all()],
    )


def chair_report_data(report: ChairReport, *, language: str) -> ChairReportData:
    report = ChairReport.objects.select_related("group", "chair_member_state").get(pk=report.pk)
    meetings = list(
        Meeting.objects.filter(chair_reports=report).order_by("starts_on").prefetch_related(
            Prefetch("attendance", queryset=MeetingAttendance.objects.select_related("member_state"))
        )
    )

    def names(rows):
        return sorted((country_name(row.member_state.code, language) for row in rows), key=str.casefold)

    meeting_facts = [
        MeetingFacts(
            number=m.number, starts_on=m.starts_on, ends_on=m.ends_on, city=m.city, venue=m.venue,
            attended=names(m.attendance.all()), remote=names(a for a in m.attendance.all() if a.remote),
        )
        for m in meetings
    ]
    public = Q(responses__status=Status.PUBLISHED) & ~Q(responses__publication=Publication.GROUP_ONLY)
    consultations = (
        Consultation.objects.filter(feeds_meeting__in=meetings).select_related("topic", "physical_meeting")
        .annotate(published=Count("responses", filter=public)).order_by("opens_on", "pk")
    )
    decisions = (
        Decision.objects.filter(meeting__in=meetings).select_related("meeting").order_by("meeting__starts_on")
        .prefetch_related(
            Prefetch(
                "decision_topics",
                queryset=DecisionTopic.objects.select_related("topic").prefetch_related(
                    Prefetch("topic__questions", queryset=Question.objects.order_by("position"))
                ).order_by("position"),
            )
        )
    )
    narrative_fields = ("summary", "action_required", "references", "introduction", "conclusions", "acknowledgements")
    return ChairReportData(
        report=report,
        language=language,
        group_name=Text.translated(report.group.name, language),
        group_code=report.group.code,
        chair_state=country_name(report.chair_member_state.code, language) if report.chair_member_state else "",
        meetings=meeting_facts,
        consultations=[
            ConsultationFacts(
                title=Text.translated(c.topic.title, language), opens_on=c.opens_on,
                response_deadline=c.response_deadline,
                physical_meeting_on=c.physical_meeting.starts_on if c.physical_meeting else None,
                responses=c.published, slug=c.slug,
            )
            for c in consultations
        ],
        decisions=[
            DecisionFacts(
                meeting_number=d.meeting.number, referred_to_council=d.referred_to_council,
                topics=[_topic(dt.topic, language) for dt in d.decision_topics.all()],
                summary=Text.translated(d.summary, language),
            )
            for d in decisions
        ],
        narrative={name: Text.translated(getattr(report, name), language) for name in narrative_fields},
    )
