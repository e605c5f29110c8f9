"""Load a group calendar (groups, meetings, topics, cycles, decisions, consultations) from data.

The demo calendar in ``data/cwg.yaml`` is loaded this way, and a secretariat
can load its own file of the same shape. Every entry is matched on a natural
key (group code, meeting number or date, topic reference, consultation slug),
so loading the same file twice changes nothing. A bad entry stops the load
with a message naming the entry; nothing is half-loaded.
"""

from datetime import date
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from tashawur.consultations.models import Consultation
from tashawur.consultations.services import record_findings
from tashawur.cycles.models import Cycle, Decision, DecisionTopic, Question, Topic
from tashawur.groups.models import GroupMembership, MemberState, WorkingGroup
from tashawur.meetings.models import Meeting, MeetingKind

DEMO_FILE = Path(__file__).parent / "data" / "cwg.yaml"
RULE_FIELDS = (
    "launch_within_days", "response_deadline_days_before", "report_days_before",
    "physical_meeting_window_days", "proposals_per_state", "limited_to_member_states",
)


class CalendarError(Exception):
    """A calendar file entry that cannot be loaded; the message names the entry."""


def load_calendar_file(path: Path | str = DEMO_FILE) -> dict[str, int]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CalendarError(f"{path}: cannot be read as a YAML calendar: {exc}") from exc
    if not isinstance(data, dict):
        raise CalendarError(f"{path}: expected a mapping with groups, meetings, topics, ...")
    return load_calendar(data)


def load_calendar(data: dict) -> dict[str, int]:
    """Create or update everything in ``data``; returns how many entries of each kind were created."""
    created = {"groups": 0, "meetings": 0, "topics": 0, "cycles": 0, "decisions": 0, "consultations": 0}
    with transaction.atomic():
        groups = {}
        for index, entry in enumerate(data.get("groups", [])):
            with _entry("groups", index, entry.get("code")):
                groups[entry["code"]], new = _group(entry)
                created["groups"] += new
        groups.update({group.code: group for group in WorkingGroup.objects.all()})
        meetings = {}
        for index, entry in enumerate(data.get("meetings", [])):
            with _entry("meetings", index, entry.get("number") or entry.get("starts_on")):
                meeting, new = _meeting(groups[entry["group"]], entry)
                created["meetings"] += new
        for meeting in Meeting.objects.select_related("group"):
            meetings[(meeting.group.code, meeting.kind, meeting.number if meeting.number else meeting.starts_on)] = meeting
        topics = {}
        for index, entry in enumerate(data.get("topics", [])):
            with _entry("topics", index, entry.get("reference")):
                topics[(entry["group"], entry["reference"])], new = _topic(groups[entry["group"]], entry)
                created["topics"] += new
        for index, entry in enumerate(data.get("cycles", [])):
            with _entry("cycles", index, entry.get("opened_by")):
                created["cycles"] += _cycle(groups[entry["group"]], entry, meetings)
        for index, entry in enumerate(data.get("decisions", [])):
            with _entry("decisions", index, entry.get("meeting")):
                created["decisions"] += _decision(entry, meetings, topics)
        for index, entry in enumerate(data.get("consultations", [])):
            with _entry("consultations", index, entry.get("slug")):
                created["consultations"] += _consultation(groups[entry["group"]], entry, meetings, topics)
    return created


class _entry:
    """Turn any error inside one entry into a CalendarError that names it."""

    def __init__(self, section, index, label):
        self.where = f"{section}[{index}]" + (f" ({label})" if label else "")

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None or isinstance(exc, CalendarError):
            return False
        if isinstance(exc, KeyError):
            raise CalendarError(f"{self.where}: unknown or missing {exc.args[0]!r}") from exc
        if isinstance(exc, ValidationError):
            raise CalendarError(f"{self.where}: {'; '.join(_messages(exc))}") from exc
        if isinstance(exc, (TypeError, ValueError, AttributeError)):
            raise CalendarError(f"{self.where}: {exc}") from exc
        return False


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{field}: {' '.join(str(m) for m in errors)}" for field, errors in error.message_dict.items()]
    return [str(message) for message in error.messages]


def _saved(instance) -> None:
    instance.full_clean()
    instance.save()


def _group(entry):
    group = WorkingGroup.objects.filter(code=entry["code"]).first()
    new = group is None
    group = group or WorkingGroup(code=entry["code"])
    group.name = entry["name"]
    group.description = entry.get("description") or {}
    group.time_zone = entry.get("time_zone", group.time_zone)
    for field, value in (entry.get("rules") or {}).items():
        if field not in RULE_FIELDS:
            raise CalendarError(f"groups ({entry['code']}): unknown rule setting {field!r}")
        setattr(group, field, value)
    _saved(group)
    members = entry.get("members", [])
    states = MemberState.objects.all() if members == "all" else MemberState.objects.filter(code__in=members)
    if members != "all" and len(states) != len(set(members)):
        unknown = sorted(set(members) - {state.code for state in states})
        raise CalendarError(f"groups ({entry['code']}): not UN member states: {', '.join(unknown)}")
    existing = set(group.memberships.values_list("member_state_id", flat=True))
    GroupMembership.objects.bulk_create(
        GroupMembership(group=group, member_state=state) for state in states if state.pk not in existing
    )
    return group, int(new)


def _meeting(group, entry):
    kind = entry["kind"]
    if kind not in MeetingKind.values:
        raise CalendarError(f"meeting kind {kind!r} is not one of {', '.join(MeetingKind.values)}")
    lookup = {"group": group, "kind": kind}
    lookup.update({"number": entry["number"]} if kind == MeetingKind.GROUP else {"starts_on": _date(entry["starts_on"])})
    meeting = Meeting.objects.filter(**lookup).first()
    new = meeting is None
    meeting = meeting or Meeting(**lookup)
    meeting.number = entry.get("number")
    meeting.starts_on = _date(entry["starts_on"])
    meeting.ends_on = _date(entry.get("ends_on", entry["starts_on"]))
    meeting.title = entry.get("title") or {}
    for field in ("venue", "city", "event_name"):
        setattr(meeting, field, entry.get(field, ""))
    for field in ("remote_participation", "webcast", "captioning"):
        setattr(meeting, field, bool(entry.get(field, False)))
    _saved(meeting)
    return meeting, int(new)


def _topic(group, entry):
    topic = Topic.objects.filter(group=group, reference=entry["reference"]).first()
    new = topic is None
    topic = topic or Topic(group=group, reference=entry["reference"])
    topic.title = entry["title"]
    topic.description = entry.get("description") or {}
    _saved(topic)
    questions = entry.get("questions") or []
    topic.questions.filter(position__gt=len(questions)).delete()
    for position, text in enumerate(questions, start=1):
        question = Question.objects.filter(topic=topic, position=position).first() or Question(topic=topic, position=position)
        question.text = text
        _saved(question)
    return topic, int(new)


def _group_meeting(meetings, group_code, number):
    if number is None:
        return None
    try:
        return meetings[(group_code, MeetingKind.GROUP, number)]
    except KeyError:
        raise CalendarError(f"{group_code} has no meeting no. {number} in this calendar") from None


def _cycle(group, entry, meetings):
    opened_by = _group_meeting(meetings, group.code, entry["opened_by"])
    cycle = Cycle.objects.filter(opened_by=opened_by).first()
    new = cycle is None
    cycle = cycle or Cycle(group=group, opened_by=opened_by)
    cycle.closes_with = _group_meeting(meetings, group.code, entry.get("closes_with"))
    _saved(cycle)
    return int(new)


def _decision(entry, meetings, topics):
    meeting = _group_meeting(meetings, entry["group"], entry["meeting"])
    decision = Decision.objects.filter(meeting=meeting).first()
    new = decision is None
    decision = decision or Decision(meeting=meeting)
    decision.outcome = entry["outcome"]
    decision.summary = entry.get("summary") or {}
    _saved(decision)
    wanted = [topics[(entry["group"], reference)] for reference in entry["topics"]]
    decision.decision_topics.exclude(topic__in=wanted).delete()
    for position, topic in enumerate(wanted, start=1):
        DecisionTopic.objects.update_or_create(decision=decision, topic=topic, defaults={"position": position})
    return int(new)


def _consultation(group, entry, meetings, topics):
    consultation = Consultation.objects.filter(slug=entry["slug"]).first()
    new = consultation is None
    consultation = consultation or Consultation(slug=entry["slug"])
    consultation.group = group
    consultation.topic = topics[(group.code, entry["topic"])]
    consultation.background = entry.get("background") or {}
    consultation.chosen_at = _group_meeting(meetings, group.code, entry.get("chosen_at"))
    consultation.feeds_meeting = _group_meeting(meetings, group.code, entry.get("feeds_meeting"))
    physical = entry.get("physical_meeting")
    consultation.physical_meeting = (
        meetings[(group.code, MeetingKind.OPEN_CONSULTATION, _date(physical))] if physical else None
    )
    for field in ("announced_on", "opens_on", "response_deadline", "report_published_on"):
        setattr(consultation, field, _date(entry.get(field)))
    _saved(consultation)
    record_findings(consultation=consultation)
    return int(new)


def _date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
