"""The chair's report as numbered sections of sentences, shared by the HTML and Word builders.

Seed 003's shape: summary and action required, then 1 Introduction, 2 Activities of
the group (meetings, attendance, the open consultations held), 3 Conclusions (what
each meeting decided, the referral to Council), the chair's name, and an annex with
the candidate topics and their questions. Facts come from ``chair.ChairReportData``;
the narrative paragraphs are the secretariat's. Call inside ``translation.override``.
"""

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _, ngettext

from tashawur.documents.chair import ChairReportData, MeetingFacts
from tashawur.documents.selectors import Text


@dataclass
class Paragraph:
    number: str
    text: Text
    items: list[Text] = field(default_factory=list)  # (a), (b)... under the paragraph


@dataclass
class Section:
    number: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)


def _text(value: str, language: str) -> Text:
    return Text.of(value, language)


def _day(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else "—"


def _span(start, end) -> str:
    if start == end:
        return _day(start)
    return _("%(start)s to %(end)s") % {"start": _day(start), "end": _day(end)}


def _narrative(text: Text) -> list[Text]:
    return [Text(line.strip(), text.lang, text.dir) for line in text.value.splitlines() if line.strip()]


def _quoted(title: Text) -> str:
    return _("“%(title)s”") % {"title": title.value}


def _meeting_sentence(meeting: MeetingFacts) -> str:
    params = {"number": meeting.number, "city": meeting.city, "dates": _span(meeting.starts_on, meeting.ends_on)}
    if meeting.city:
        return _("The group held meeting no. %(number)s in %(city)s (%(dates)s).") % params
    return _("The group held meeting no. %(number)s (%(dates)s).") % params


def _attendance_sentences(meeting: MeetingFacts) -> list[str]:
    if not meeting.attended:
        return [_("Attendance at meeting no. %(number)s has not been recorded.") % {"number": meeting.number}]
    count = len(meeting.attended)
    sentences = [ngettext(
        "%(count)d member state attended meeting no. %(number)s: %(states)s.",
        "%(count)d member states attended meeting no. %(number)s: %(states)s.",
        count,
    ) % {"count": count, "number": meeting.number, "states": _("; ").join(meeting.attended)}]
    if meeting.remote:
        sentences.append(ngettext(
            "%(count)d of them took part remotely: %(states)s.",
            "%(count)d of them took part remotely: %(states)s.",
            len(meeting.remote),
        ) % {"count": len(meeting.remote), "states": _("; ").join(meeting.remote)})
    return sentences


class _Numbering:
    def __init__(self, section: int):
        self.section, self.count = section, 0

    def next(self) -> str:
        self.count += 1
        return f"{self.section}.{self.count}"


def chair_outline(data: ChairReportData) -> tuple[list[Section], list[Section]]:
    """The numbered body and the annex of the chair's report, in the active language."""
    lang = data.language
    numbers = _(", ").join(str(n) for n in data.meeting_numbers)
    dates = _("; ").join(_span(m.starts_on, m.ends_on) for m in data.meetings)

    summary = Section("", _("Summary"))
    summary_text = _narrative(data.narrative["summary"]) or [_text(ngettext(
        "This report summarises the main results of meeting no. %(numbers)s of the group, held on %(dates)s.",
        "This report summarises the main results of meetings no. %(numbers)s of the group, held on %(dates)s.",
        len(data.meetings),
    ) % {"numbers": numbers, "dates": dates}, lang)]
    summary.paragraphs = [Paragraph("", text) for text in summary_text]
    front = [summary]
    if data.narrative["action_required"].value:
        front.append(Section("", _("Action required"), [Paragraph("", t) for t in _narrative(data.narrative["action_required"])]))
    if data.narrative["references"].value:
        front.append(Section("", _("References"), [Paragraph("", t) for t in _narrative(data.narrative["references"])]))

    sections = []
    if data.narrative["introduction"].value:
        numbering = _Numbering(len(sections) + 1)
        sections.append(Section(str(numbering.section), _("Introduction"), [
            Paragraph(numbering.next(), text) for text in _narrative(data.narrative["introduction"])
        ]))

    numbering = _Numbering(len(sections) + 1)
    activities = Section(str(numbering.section), _("Activities of the group"))
    for meeting in data.meetings:
        activities.paragraphs.append(Paragraph(numbering.next(), _text(_meeting_sentence(meeting), lang)))
    for meeting in data.meetings:
        activities.paragraphs.append(Paragraph(numbering.next(), _text(" ".join(_attendance_sentences(meeting)), lang)))
    if data.consultations:
        held = Paragraph(numbering.next(), _text(ngettext(
            "The group held %(count)d open consultation of all stakeholders, online and in person:",
            "The group held %(count)d open consultations of all stakeholders, online and in person:",
            len(data.consultations),
        ) % {"count": len(data.consultations)}, lang))
        for consultation in data.consultations:
            held.items.append(_text(ngettext(
                "from %(opens)s to %(deadline)s on %(title)s, followed by a physical open consultation meeting on %(meeting)s; %(count)d response was published.",
                "from %(opens)s to %(deadline)s on %(title)s, followed by a physical open consultation meeting on %(meeting)s; %(count)d responses were published.",
                consultation.responses,
            ) % {
                "opens": _day(consultation.opens_on), "deadline": _day(consultation.response_deadline),
                "title": _quoted(consultation.title), "meeting": _day(consultation.physical_meeting_on),
                "count": consultation.responses,
            }, lang))
        activities.paragraphs.append(held)
    sections.append(activities)

    numbering = _Numbering(len(sections) + 1)
    conclusions = Section(str(numbering.section), _("Conclusions"))
    for decision in data.decisions:
        topics = _("; ").join(_quoted(topic.title) for topic in decision.topics)
        if decision.referred_to_council:
            sentence = _(
                "At meeting no. %(number)s the group did not reach consensus on the topic of the next open "
                "consultation and agreed to refer the question to Council. The candidate topics (%(topics)s) are in the annex."
            ) % {"number": decision.meeting_number, "topics": topics}
        else:
            sentence = ngettext(
                "At meeting no. %(number)s the group adopted the topic %(topics)s for the next open consultation.",
                "At meeting no. %(number)s the group adopted the topics %(topics)s for the next open consultation.",
                len(decision.topics),
            ) % {"number": decision.meeting_number, "topics": topics}
        conclusions.paragraphs.append(Paragraph(numbering.next(), _text(sentence, lang)))
        for text in _narrative(decision.summary):
            conclusions.paragraphs.append(Paragraph(numbering.next(), text))
    for name in ("conclusions", "acknowledgements"):
        for text in _narrative(data.narrative[name]):
            conclusions.paragraphs.append(Paragraph(numbering.next(), text))
    if conclusions.paragraphs:
        sections.append(conclusions)

    annex = []
    for topic in data.annex_topics:
        section = Section("", topic.title.value)
        if topic.description.value:
            section.paragraphs.append(Paragraph("", topic.description))
        section.paragraphs += [Paragraph(str(n), q) for n, q in enumerate(topic.questions, start=1)]
        annex.append(section)
    return front + sections, annex
