"""Public representations of the reference data: groups, member states, meetings, cycles, consultations."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tashawur.api.fields import TranslatedText
from tashawur.consultations.models import Consultation
from tashawur.consultations.rule_texts import describe
from tashawur.consultations.selectors import consultation_calendar
from tashawur.core.languages import CONTENT_LANGUAGES
from tashawur.cycles.models import Cycle, Decision, Question, Topic, TopicProposal
from tashawur.groups.member_states import country_name
from tashawur.groups.models import MemberState, WorkingGroup
from tashawur.meetings.models import Meeting
from tashawur.rules import ConsultationStatus, Severity


def absolute(context, path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class MemberStateSerializer(serializers.ModelSerializer):
    names = serializers.SerializerMethodField(help_text="The CLDR name in each UN language.")

    class Meta:
        model = MemberState
        fields = ["code", "alpha3", "numeric", "names"]

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "string"}})
    def get_names(self, state) -> dict:
        return {code: country_name(state.code, code) for code in CONTENT_LANGUAGES}


class RuleSettingsSerializer(serializers.Serializer):
    launch_within_days = serializers.IntegerField(help_text="Rule 3.")
    response_deadline_days_before = serializers.IntegerField(help_text="Rule 4.")
    report_days_before = serializers.IntegerField(help_text="Rule 5.")
    physical_meeting_window_days = serializers.IntegerField(help_text="Rule 6.")
    proposals_per_state = serializers.IntegerField(help_text="Rule 2.")


class GroupLinksSerializer(serializers.Serializer):
    html = serializers.URLField()
    atom = serializers.URLField()
    icalendar = serializers.URLField()


class WorkingGroupSerializer(serializers.ModelSerializer):
    name = TranslatedText()
    description = TranslatedText()
    rules = RuleSettingsSerializer(source="rule_settings", read_only=True)
    members = serializers.SerializerMethodField(help_text="ISO 3166-1 codes of the member states of the group.")
    links = serializers.SerializerMethodField()

    class Meta:
        model = WorkingGroup
        fields = ["code", "name", "description", "time_zone", "limited_to_member_states", "rules", "members", "links"]

    def get_members(self, group) -> list[str]:
        return sorted(membership.member_state.code for membership in group.memberships.all())

    @extend_schema_field(GroupLinksSerializer)
    def get_links(self, group) -> dict:
        return {
            "html": absolute(self.context, reverse("home")),
            "atom": absolute(self.context, reverse("opendata:group-feed", args=[group.code])),
            "icalendar": absolute(self.context, reverse("opendata:group-calendar", args=[group.code])),
        }


class MeetingSerializer(serializers.ModelSerializer):
    group = serializers.SlugRelatedField(slug_field="code", read_only=True)
    title = TranslatedText()
    display_title = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "id", "group", "kind", "number", "title", "display_title", "starts_on", "ends_on", "venue", "city",
            "event_name", "remote_participation", "webcast", "captioning",
        ]

    def get_display_title(self, meeting) -> str:
        return str(meeting.display_title())


class QuestionSerializer(serializers.ModelSerializer):
    text = TranslatedText()

    class Meta:
        model = Question
        fields = ["id", "position", "text"]


class TopicSerializer(serializers.ModelSerializer):
    title = TranslatedText()
    description = TranslatedText()
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = Topic
        fields = ["id", "reference", "title", "description", "questions"]


class TopicProposalSerializer(serializers.ModelSerializer):
    member_state = serializers.SlugRelatedField(slug_field="code", read_only=True)
    topic = TopicSerializer(read_only=True)
    rationale = TranslatedText()

    class Meta:
        model = TopicProposal
        fields = ["member_state", "sequence", "topic", "rationale", "proposed_at"]


class CycleSerializer(serializers.ModelSerializer):
    group = serializers.SlugRelatedField(slug_field="code", read_only=True)
    opened_by = MeetingSerializer(read_only=True)
    closes_with = MeetingSerializer(read_only=True, allow_null=True)
    proposals = TopicProposalSerializer(many=True, read_only=True)

    class Meta:
        model = Cycle
        fields = ["id", "group", "opened_by", "closes_with", "proposals"]


class DecisionSerializer(serializers.ModelSerializer):
    group = serializers.SlugRelatedField(source="meeting.group", slug_field="code", read_only=True)
    meeting = MeetingSerializer(read_only=True)
    summary = TranslatedText()
    topics = serializers.SerializerMethodField(help_text="Adopted topics, or the candidates referred to Council.")
    referred_to_council = serializers.BooleanField(read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "group", "meeting", "outcome", "referred_to_council", "summary", "topics", "recorded_at"]

    @extend_schema_field(TopicSerializer(many=True))
    def get_topics(self, decision) -> list:
        return TopicSerializer([link.topic for link in decision.decision_topics.all()], many=True).data


class TimelineSerializer(serializers.Serializer):
    latest_launch = serializers.DateField(allow_null=True, help_text="Rule 3: the last day it may open.")
    response_deadline = serializers.DateField(allow_null=True, help_text="Rule 4: the latest allowed deadline.")
    report_due = serializers.DateField(allow_null=True, help_text="Rule 5: the compiled report is due by then.")
    physical_meeting_earliest = serializers.DateField(allow_null=True, help_text="Rule 6.")
    physical_meeting_latest = serializers.DateField(allow_null=True, help_text="Rule 6.")


class FindingSerializer(serializers.Serializer):
    rule = serializers.IntegerField()
    code = serializers.CharField()
    severity = serializers.ChoiceField(choices=[severity.value for severity in Severity])
    expected = serializers.DateField(allow_null=True)
    actual = serializers.DateField(allow_null=True)
    days_off = serializers.IntegerField()
    text = serializers.SerializerMethodField(help_text="The finding as a sentence in the requested language.")

    def get_text(self, finding) -> str:
        return describe(finding)


class ConsultationLinksSerializer(serializers.Serializer):
    html = serializers.URLField()
    responses = serializers.URLField()
    statistics = serializers.URLField()
    atom = serializers.URLField()
    exports = serializers.DictField(child=serializers.URLField())


class ConsultationSerializer(serializers.ModelSerializer):
    group = serializers.SlugRelatedField(slug_field="code", read_only=True)
    topic = TopicSerializer(read_only=True)
    background = TranslatedText()
    status = serializers.SerializerMethodField()
    timeline = serializers.SerializerMethodField()
    findings = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()

    class Meta:
        model = Consultation
        fields = [
            "slug", "group", "topic", "background", "status", "announced_on", "opens_on", "response_deadline",
            "report_published_on", "chosen_at", "feeds_meeting", "physical_meeting", "timeline", "findings", "links",
        ]

    def _calendar(self, consultation):
        calendars = self.context.setdefault("calendars", {})
        if consultation.pk not in calendars:
            calendars[consultation.pk] = consultation_calendar(consultation)
        return calendars[consultation.pk]

    @extend_schema_field(serializers.ChoiceField(choices=[status.value for status in ConsultationStatus]))
    def get_status(self, consultation) -> str:
        return str(self._calendar(consultation).status)

    @extend_schema_field(TimelineSerializer)
    def get_timeline(self, consultation) -> dict:
        return TimelineSerializer(self._calendar(consultation).timeline).data

    @extend_schema_field(FindingSerializer(many=True))
    def get_findings(self, consultation) -> list:
        return FindingSerializer(self._calendar(consultation).findings, many=True).data

    @extend_schema_field(ConsultationLinksSerializer)
    def get_links(self, consultation) -> dict:
        slug = consultation.slug
        return {
            "html": absolute(self.context, reverse("consultation-detail", args=[slug])),
            "responses": absolute(self.context, reverse("api:response-list") + f"?consultation={slug}"),
            "statistics": absolute(self.context, reverse("api:consultation-statistics", args=[slug])),
            "atom": absolute(self.context, reverse("opendata:consultation-feed", args=[slug])),
            "exports": {
                fmt: absolute(self.context, reverse("opendata:export", args=[slug, fmt]))
                for fmt in ("csv", "json", "ndjson", "zip")
            },
        }

