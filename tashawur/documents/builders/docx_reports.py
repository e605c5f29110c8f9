"""The compiled report and the chair's report in Word, with the same content as the HTML.

Res. 1336 rules 5 and 8: secretariats circulate Word files; Arabic must show right
in Word, which ``DocxWriter`` takes care of paragraph by paragraph.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _, ngettext, override

from tashawur.core.languages import django_language
from tashawur.consultations.rule_texts import describe
from tashawur.documents.builders.chair_outline import chair_outline
from tashawur.documents.builders.docx_writer import DocxWriter
from tashawur.documents.builders.html import chair_report_title, edition_label, publication_sentence
from tashawur.documents.chair import ChairReportData
from tashawur.documents.selectors import CompiledReport, Entry
from tashawur.documents.templatetags.documents import (
    channel_label, country, entry_meta_parts, language_label, stakeholder_label,
)

BAR_WIDTH = 24


def _day(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else "—"


def _entry_title(entry: Entry) -> str:
    sender = entry.sender
    if entry.is_identical_group:
        return ngettext(
            "No. %(number)s: identical submission from %(counter)s respondent",
            "No. %(number)s: identical submission from %(counter)s respondents",
            entry.count,
        ) % {"number": entry.number, "counter": entry.count}
    if sender.anonymous:
        return _("No. %(number)s: anonymous") % {"number": entry.number}
    if sender.name or sender.organisation:
        return _("No. %(number)s: %(name)s") % {"number": entry.number, "name": sender.name or sender.organisation}
    return _("No. %(number)s: name not given") % {"number": entry.number}


def _entry_meta(entry: Entry) -> str:
    parts = entry_meta_parts(entry)
    if entry.sender.group_only and not entry.is_identical_group:
        parts.append(_("for the group only"))
    return " · ".join(parts)


def _senders(writer: DocxWriter, entry: Entry):
    for number, sender in enumerate(entry.senders, start=1):
        if sender.anonymous:
            who = _("Anonymous")
        else:
            who = ", ".join(part for part in (sender.name, sender.organisation) if part)
        if sender.country:
            who += f" ({country(sender.country)})"
        if sender.group_only:
            who += " – " + _("for the group only")
        writer.paragraph(f"{number}. {who}", style="List Number")


def _entry_body(writer: DocxWriter, entry: Entry):
    if entry.body:
        writer.heading(_("Statement"), 4)
        for line in entry.body.value.splitlines():
            if line.strip():
                writer.paragraph(line, lang=entry.body.lang)
    if entry.attachments:
        writer.heading(_("Attachments"), 4)
        for item in entry.attachments:
            if item.withheld:
                writer.paragraph(f"{item.filename} ({_('withheld from publication')})", style="List Bullet")
            else:
                writer.paragraph(f"{item.filename}: {item.url}", style="List Bullet")


def _answer(writer: DocxWriter, text):
    for line in text.value.splitlines():
        if line.strip():
            writer.paragraph(line, lang=text.lang)


def _statistics(writer: DocxWriter, report: CompiledReport):
    stats = report.statistics
    writer.paragraph(ngettext(
        "%(counter)s response is included in this edition.", "%(counter)s responses are included in this edition.",
        stats.total,
    ) % {"counter": stats.total})
    if not stats.total:
        return
    rows = stats.rows()
    writer.table(
        [_("Stakeholder group"), *map(channel_label, stats.channels), _("Total")],
        [[stakeholder_label(r["group"]), *r["by_channel"], r["total"]] for r in rows]
        + [[_("Total"), *stats.totals_by_channel(), stats.total]],
        caption=_("Responses by stakeholder group and channel"),
    )
    writer.table(
        [_("Stakeholder group"), *map(language_label, stats.languages), _("Total")],
        [[stakeholder_label(r["group"]), *r["by_language"], r["total"]] for r in rows]
        + [[_("Total"), *stats.totals_by_language(), stats.total]],
        caption=_("Responses by stakeholder group and language"),
    )
    largest = max(r["total"] for r in rows) or 1
    writer.table(
        [_("Stakeholder group"), _("Responses"), _("Total")],
        [[stakeholder_label(r["group"]), "█" * max(1, round(BAR_WIDTH * r["total"] / largest)), r["total"]] for r in rows],
        caption=_("Figure: responses by stakeholder group, by channel"),
    )
    writer.table(
        [_("Stakeholder group"), _("Channel"), _("Language"), _("Responses")],
        [[stakeholder_label(g), channel_label(c), language_label(lang), n] for g, c, lang, n in stats.detail()],
        caption=_("Responses by stakeholder group, channel and language"),
    )


def _timeline(writer: DocxWriter, report: CompiledReport):
    schedule, timeline = report.calendar.schedule, report.calendar.timeline

    def by(day):
        return _("by %(day)s") % {"day": _day(day)} if day else "—"

    meeting = schedule.physical_meeting
    writer.table([_("Step"), _("Date"), _("Required by the rules")], [
        [_("Opened (rule 3)"), _day(schedule.opens_on), by(timeline.latest_launch)],
        [_("Response deadline (rule 4)"), _day(schedule.response_deadline), by(timeline.response_deadline)],
        [_("Compiled report (rule 5)"), _day(schedule.report_published_on), by(timeline.report_due)],
        [_("Physical open consultation meeting (rule 6)"), _day(meeting.start if meeting else None),
         _("between %(first)s and %(last)s") % {"first": _day(timeline.physical_meeting_earliest),
                                                "last": _day(timeline.physical_meeting_latest)}
         if timeline.physical_meeting_earliest else "—"],
    ])
    writer.paragraph(publication_sentence(report))
    if report.calendar.violations:
        writer.paragraph(_("The schedule breaks these rules of the group:"))
        for finding in report.calendar.violations:
            writer.paragraph(describe(finding), style="List Bullet")
    else:
        writer.paragraph(_("The schedule keeps every rule of the group."))


def compiled_report_docx(report: CompiledReport) -> bytes:
    with override(django_language(report.language)):
        title = _("Compiled report: %(title)s") % {"title": report.title.value}
        writer = DocxWriter(
            language=report.language, title=title, author="Tashawur",
            subject=_("Responses to the open consultation of %(group)s") % {"group": report.consultation.group.code},
            keywords=", ".join([report.consultation.group.code, report.symbol, report.consultation.slug]),
            header=f"{report.symbol} · {report.title.value}",
        )
        writer.paragraph(report.symbol, bold=True)
        writer.paragraph(f"{report.group_name.value} ({report.consultation.group.code})", lang=report.group_name.lang)
        writer.heading(_("Compiled report of the responses to the open consultation"), 0)
        writer.heading(report.title.value, 0, lang=report.title.lang)
        for label, value in ((_("Date"), _day(report.issued_on)), (_("Language"), language_label(report.language)),
                             (_("Edition"), edition_label(report.edition)), (_("Responses"), str(report.response_count))):
            writer.labelled(f"{label}:", value)
        writer.paragraph(_("Responses are reproduced in the language in which they were received. Respondents who asked to remain anonymous are shown without their name or organisation."))
        if report.edition == "group":
            writer.paragraph(_("This edition is for the members of the group only: it includes responses whose authors did not agree to their publication. Do not circulate it further."), bold=True)
        writer.page_break()
        writer.table_of_contents(_("Contents"), _("Open the document in Word and update the table of contents (F9)."))
        writer.heading(_("Timeline of the consultation"), 1)
        _timeline(writer, report)
        writer.heading(_("Summary statistics"), 1)
        _statistics(writer, report)
        writer.heading(_("Questions"), 1)
        for question in report.questions:
            writer.paragraph(f"{question.number}. {question.text.value}", lang=question.text.lang)
        if report.order == "question":
            _by_question(writer, report)
        else:
            writer.heading(_("Responses by respondent"), 1)
            for entry in report.entries:
                writer.heading(_entry_title(entry), 3)
                writer.paragraph(_entry_meta(entry), italic=True)
                if entry.is_identical_group:
                    _senders(writer, entry)
                for question in report.questions:
                    if question.id in entry.answers:
                        writer.heading(_("Question %(number)s") % {"number": question.number}, 4)
                        _answer(writer, entry.answers[question.id])
                _entry_body(writer, entry)
            if not report.entries:
                writer.paragraph(_("No response has been published."))
        return writer.to_bytes()


def _by_question(writer: DocxWriter, report: CompiledReport):
    writer.heading(_("Answers by question"), 1)
    for question, answers in report.by_question():
        writer.heading(_("Question %(number)s") % {"number": question.number}, 2)
        writer.paragraph(question.text.value, lang=question.text.lang, italic=True)
        for entry, answer in answers:
            writer.heading(_entry_title(entry), 4)
            writer.paragraph(_entry_meta(entry), italic=True)
            _answer(writer, answer)
        if not answers:
            writer.paragraph(_("No answer to this question."))
    if report.entries_with_statement_or_files:
        writer.heading(_("Statements and attachments"), 1)
        for entry in report.entries_with_statement_or_files:
            writer.heading(_entry_title(entry), 3)
            writer.paragraph(_entry_meta(entry), italic=True)
            _entry_body(writer, entry)
    if report.identical_groups:
        writer.heading(_("Senders of identical submissions"), 1)
        for entry in report.identical_groups:
            writer.heading(_entry_title(entry), 3)
            _senders(writer, entry)


def _item_markers(language: str) -> list[str]:
    """(a), (b)... or أ), ب)... as in seed 003."""
    if language == "ar":
        return [f"{letter})" for letter in "أبجدهوزحطي"]
    return [f"({letter})" for letter in "abcdefghijklmnopqrstuvwxyz"]


def chair_report_docx(data: ChairReportData) -> bytes:
    with override(django_language(data.language)):
        title = chair_report_title(data)
        sections, annex = chair_outline(data)
        writer = DocxWriter(
            language=data.language, title=title, subject=title, author="Tashawur",
            keywords=", ".join([data.group_code, data.report.symbol]),
            header=" · ".join(part for part in (data.report.symbol, title) if part),
        )
        if data.report.symbol:
            writer.paragraph(data.report.symbol, bold=True)
        writer.paragraph(_day(data.report.issued_on))
        writer.heading(title, 0)
        writer.table_of_contents(_("Contents"), _("Open the document in Word and update the table of contents (F9)."))
        for section in sections:
            writer.heading(f"{section.number} {section.title}".strip(), 1)
            for paragraph in section.paragraphs:
                prefix = f"{paragraph.number} " if paragraph.number else ""
                writer.paragraph(prefix + paragraph.text.value, lang=paragraph.text.lang)
                for marker, item in zip(_item_markers(data.language), paragraph.items):
                    writer.paragraph(f"{marker} {item.value}", lang=item.lang)
        writer.paragraph(_("Chair: %(name)s") % {"name": data.report.chair_name}, bold=True)
        if data.chair_state:
            writer.paragraph(f"({data.chair_state})")
        if annex:
            writer.page_break()
            writer.heading(_("Annex: topics and their questions"), 1)
            for topic in annex:
                writer.heading(topic.title, 2)
                for paragraph in topic.paragraphs:
                    prefix = f"{paragraph.number} " if paragraph.number else ""
                    writer.paragraph(prefix + paragraph.text.value, lang=paragraph.text.lang)
        return writer.to_bytes()
