"""The annual report as an outline of sections, paragraphs and tables, in one language.

The HTML page (and so the PDF) and the Word file are both drawn from this outline,
so they always say the same thing. Call inside ``translation.override``.
"""

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext as _, ngettext

from tashawur.annualreports.selectors import AnnualReportFacts
from tashawur.consultations.rule_texts import describe
from tashawur.core.languages import content_language, localized
from tashawur.documents.selectors import Text
from tashawur.mandates.labels import STATUS_LABELS, heading
from tashawur.meetings.models import MeetingKind
from tashawur.responses.models import Channel, StakeholderGroup


@dataclass(frozen=True)
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()  # columns aligned as numbers


@dataclass(frozen=True)
class Block:
    """One paragraph (``text``), a sub-heading (``subheading``), a list (``items``) or a ``table``."""

    text: Text | None = None
    subheading: Text | None = None
    items: list[Text] = field(default_factory=list)
    table: Table | None = None
    emphasis: bool = False


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    blocks: list[Block]


def _day(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else "—"


def _span(start, end) -> str:
    return _day(start) if start == end else _("%(start)s to %(end)s") % {"start": _day(start), "end": _day(end)}


def _content() -> str:
    """The content key of the language the report is being written in."""
    return content_language(get_language())


def _t(value: str) -> Text:
    """A sentence of the interface, in the report's language."""
    return Text.of(value, _content())


def _narrative(values, language) -> list[Block]:
    if not values or not localized(values, language):
        return []
    text = Text.translated(values, language)
    return [Block(text=Text(part.strip(), text.lang, text.dir)) for part in text.value.split("\n\n") if part.strip()]


def title(facts: AnnualReportFacts) -> str:
    return _("Annual report of %(group)s to Council for %(years)s") % {"group": facts.group.code, "years": facts.span_label}


def outline(facts: AnnualReportFacts, language: str) -> list[Section]:
    narrative = facts.narrative
    sections = []
    introduction = _narrative(narrative.introduction, language) if narrative else []
    introduction.append(Block(text=_t(_(
        "This report covers the period from %(start)s to %(end)s. The facts it gives (meetings, consultations, "
        "decisions, the repository, positions and mandates) are drawn from the records of the platform."
    ) % {"start": _day(facts.start), "end": _day(facts.end)})))
    builders = [
        (_("Introduction"), lambda: introduction),
        (_("Meetings held"), lambda: _meetings(facts)),
        (_("Open consultations"), lambda: _consultations(facts)),
        (_("Decisions of the group"), lambda: _decisions(facts, language)),
        (_("Repository of experiences and best practices"), lambda: _repository(facts, language)),
        (_("Positions of member states"), lambda: _positions(facts, language)),
        (_("Follow-up of mandates"), lambda: _mandates(facts, language)),
    ]
    if narrative and localized(narrative.conclusions, language):
        builders.append((_("Conclusions and recommendations"), lambda: _narrative(narrative.conclusions, language)))
    for number, (heading_text, build) in enumerate(builders, start=1):
        sections.append(Section(str(number), heading_text, build()))
    return sections


def _meetings(facts) -> list[Block]:
    if not facts.meetings:
        return [Block(text=_t(_("The group held no meeting in this period.")))]
    rows = [
        [meeting.display_title(), meeting.get_kind_display(), _span(meeting.starts_on, meeting.ends_on),
         ", ".join(part for part in (meeting.venue, meeting.city) if part) or "—"]
        for meeting in facts.meetings
    ]
    held = sum(1 for meeting in facts.meetings if meeting.kind == MeetingKind.GROUP)
    return [
        Block(text=_t(ngettext("The group met %(count)d time in this period.",
                               "The group met %(count)d times in this period.", held) % {"count": held})),
        Block(table=Table(_("Meetings"), [_("Meeting"), _("Kind"), _("Dates"), _("Place")], rows)),
    ]


def _consultations(facts) -> list[Block]:
    if not facts.consultations:
        return [Block(text=_t(_("No open consultation ran in this period.")))]
    blocks = []
    for item in facts.consultations:
        consultation, calendar = item.consultation, item.calendar
        schedule = calendar.schedule
        blocks.append(Block(subheading=Text.translated(consultation.topic.title, _content())))
        blocks.append(Block(table=Table(_("Timeline"), [_("Step"), _("Date")], [
            [_("Opened"), _day(schedule.opens_on)],
            [_("Response deadline"), _day(schedule.response_deadline)],
            [_("Compiled report published"), _day(schedule.report_published_on)],
            [_("Physical open consultation meeting"), _day(schedule.physical_meeting.start) if schedule.physical_meeting else "—"],
        ])))
        blocks.append(Block(text=_t(ngettext(
            "%(count)d response was published.", "%(count)d responses were published.", item.published,
        ) % {"count": item.published})))
        if item.published:
            rows = [[str(label), str(item.by_stakeholder_group.get(value, 0))] for value, label in StakeholderGroup.choices]
            if item.by_stakeholder_group.get(""):
                rows.append([_("Not stated"), str(item.by_stakeholder_group[""])])
            rows += [[str(label), str(item.by_channel.get(value, 0))] for value, label in Channel.choices]
            blocks.append(Block(table=Table(_("Published responses by stakeholder group and by channel"),
                                            [_("Stakeholder group or channel"), _("Responses")], rows, numeric=(1,))))
        violations = calendar.violations
        if violations:
            blocks.append(Block(text=_t(ngettext(
                "The schedule broke %(count)d rule of the group:", "The schedule broke %(count)d rules of the group:",
                len(violations)) % {"count": len(violations)}), emphasis=True))
            blocks.append(Block(items=[_t(describe(finding)) for finding in violations]))
        else:
            blocks.append(Block(text=_t(_("The schedule kept every rule of the group."))))
    return blocks


def _decisions(facts, language) -> list[Block]:
    if not facts.decisions:
        return [Block(text=_t(_("No decision was recorded in this period.")))]
    blocks = []
    for decision in facts.decisions:
        topics = [Text.translated(item.topic.title, language) for item in decision.decision_topics.all()]
        blocks.append(Block(subheading=_t(_("%(meeting)s (%(date)s)") % {
            "meeting": decision.meeting.display_title(), "date": _day(decision.meeting.starts_on)})))
        if decision.referred_to_council:
            blocks.append(Block(text=_t(_(
                "No consensus was reached on the topic of the next consultation; the question was referred to "
                "Council with the following candidate topics:")), emphasis=True))
        else:
            blocks.append(Block(text=_t(_("The group adopted the following topics for consultation:"))))
        blocks.append(Block(items=topics))
        blocks += _narrative(decision.summary, language)
    return blocks


def _repository(facts, language) -> list[Block]:
    growth = facts.repository
    blocks = [Block(text=_t(ngettext(
        "%(count)d entry was published in the repository in this period; it held %(total)d at the end of the period.",
        "%(count)d entries were published in the repository in this period; it held %(total)d at the end of the period.",
        growth.published_in_period,
    ) % {"count": growth.published_in_period, "total": growth.total_at_end}))]
    if growth.by_issue:
        rows = [[localized(issue.name, language), str(count)] for issue, count in growth.by_issue]
        blocks.append(Block(table=Table(_("Entries published in the period, by issue"), [_("Issue"), _("Entries")], rows, numeric=(1,))))
    return blocks


def _positions(facts, language) -> list[Block]:
    positions = facts.positions
    blocks = [Block(text=_t(ngettext(
        "%(count)d position was stated in this period, by %(states)d member states (%(superseding)d superseding an earlier one).",
        "%(count)d positions were stated in this period, by %(states)d member states (%(superseding)d superseding an earlier one).",
        positions.statements,
    ) % {"count": positions.statements, "states": positions.member_states, "superseding": positions.superseding}))]
    rows = [[localized(issue.name, language), str(count)] for issue, count in positions.by_issue]
    rows += [[localized(topic.title, language), str(count)] for topic, count in positions.by_topic]
    if rows:
        blocks.append(Block(table=Table(_("Positions stated, by issue or topic"), [_("Issue or topic"), _("Statements")], rows, numeric=(1,))))
    return blocks


def _mandates(facts, language) -> list[Block]:
    if not facts.mandates:
        return [Block(text=_t(_("No mandate addressed to the group, or reported on through it, is recorded.")))]
    rows = []
    for item in facts.mandates:
        mandate, state = item.mandate, item.state
        if state.overdue:
            when = ngettext("due on %(date)s, %(days)d day overdue", "due on %(date)s, %(days)d days overdue",
                            state.days_overdue) % {"date": _day(state.missed[0]), "days": state.days_overdue}
        else:
            when = _day(state.next_due) if state.next_due else "—"
        rows.append([
            f"{mandate.resolution.label()}, {heading(mandate)}, {mandate.paragraph}",
            localized(mandate.text, language)[:300], str(STATUS_LABELS[state.status]), when,
        ])
    return [Block(table=Table(
        _("Mandates and their state on %(date)s") % {"date": _day(facts.issued_on)},
        [_("Mandate"), _("Text"), _("State"), _("Due")], rows,
    ))]
