"""The compiled report and the chair's report as one self-contained HTML page each.

The same page is the public web version and the source of the PDF: its CSS has
print rules (page numbers, running header, table of contents with page numbers)
that browsers ignore and WeasyPrint uses.
"""

import re

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _, ngettext, override

from tashawur.core.languages import django_language, text_direction
from tashawur.documents.chair import ChairReportData
from tashawur.documents.fonts import css_font_stack
from tashawur.documents.models import Edition
from tashawur.documents.selectors import CompiledReport

HTML_LANGUAGE_TAGS = {"zh": "zh-Hans"}
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_counter_css(sentence: str) -> str:
    """'Page %(page)s of %(pages)s' in any language, as a CSS ``content`` value."""
    parts, position = [], 0
    for match in _PLACEHOLDER.finditer(sentence):
        if sentence[position:match.start()]:
            parts.append(_css_string(sentence[position:match.start()]))
        parts.append("counter(pages)" if match.group(1) == "pages" else "counter(page)")
        position = match.end()
    if sentence[position:]:
        parts.append(_css_string(sentence[position:]))
    return " ".join(parts)


def document_context(language: str, title: str, issued_on, description: str = "") -> dict:
    """What every document page needs in its head: language, direction, fonts, metadata."""
    return {
        "html_lang": HTML_LANGUAGE_TAGS.get(language, language),
        "dir": text_direction(language),
        "font_stack": css_font_stack(language),
        "page_counter_css": page_counter_css(_("Page %(page)s of %(pages)s")),
        "document_title": title,
        "issued_on": issued_on,
        "author": "Tashawur",
        "description": description,
    }


def publication_sentence(report: CompiledReport) -> str:
    """When this document is dated, against the physical meeting (Res. 1336 rule 5)."""
    day = date_format(report.issued_on, "DATE_FORMAT")
    meeting = report.calendar.schedule.physical_meeting
    if meeting is None:
        return _("This report is dated %(date)s.") % {"date": day}
    days = report.days_before_meeting
    params = {"date": day, "days": days, "meeting": date_format(meeting.start, "DATE_FORMAT")}
    if days < 0:
        return _("This report is dated %(date)s, after the physical open consultation meeting (%(meeting)s).") % params
    return ngettext(
        "This report is dated %(date)s, %(days)d day before the physical open consultation meeting (%(meeting)s).",
        "This report is dated %(date)s, %(days)d days before the physical open consultation meeting (%(meeting)s).",
        days,
    ) % params


def edition_label(edition: str) -> str:
    return str(Edition(edition).label)


def compiled_report_html(report: CompiledReport) -> str:
    with override(django_language(report.language)):
        title = _("Compiled report: %(title)s") % {"title": report.title.value}
        context = document_context(
            report.language, title, report.issued_on,
            description=_("Responses to the open consultation of %(group)s") % {"group": report.consultation.group.code},
        )
        context.update(
            report=report,
            keywords=", ".join([report.consultation.group.code, report.symbol, report.consultation.slug]),
            edition_label=edition_label(report.edition),
            publication_sentence=publication_sentence(report),
        )
        return render_to_string("documents/compiled_report.html", context)


def chair_report_title(data: ChairReportData) -> str:
    return _("Report of the Chair of the %(group)s (%(code)s)") % {
        "group": data.group_name.value, "code": data.group_code,
    }


def chair_report_html(data: ChairReportData) -> str:
    from tashawur.documents.builders.chair_outline import chair_outline

    with override(django_language(data.language)):
        title = chair_report_title(data)
        sections, annex = chair_outline(data)
        context = document_context(data.language, title, data.report.issued_on, description=title)
        context.update(
            data=data, title=title, sections=sections, annex=annex,
            keywords=", ".join([data.group_code, data.report.symbol]),
        )
        return render_to_string("documents/chair_report.html", context)
