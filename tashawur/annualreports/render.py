"""The annual report as HTML, PDF and DOCX, through the document pipeline of ``tashawur.documents``
(the same page CSS, fonts, PDF/UA tagging and right-to-left Word writer as the compiled report)."""

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _, override

from tashawur.annualreports.outline import outline, title
from tashawur.annualreports.selectors import AnnualReportFacts
from tashawur.core.languages import django_language, localized
from tashawur.documents.builders.docx_writer import DocxWriter
from tashawur.documents.builders.html import document_context
from tashawur.documents.builders.pdf import html_to_pdf
from tashawur.documents.selectors import Text

FORMATS = ("html", "pdf", "docx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _front_matter(facts: AnnualReportFacts, language: str) -> dict:
    narrative = facts.narrative
    return {
        "group_name": Text.translated(facts.group.name, language),
        "summary": Text.translated(narrative.summary, language) if narrative and localized(narrative.summary, language) else None,
        "action_required": (
            Text.translated(narrative.action_required, language)
            if narrative and localized(narrative.action_required, language) else None
        ),
    }


def annual_report_html(facts: AnnualReportFacts, language: str) -> str:
    with override(django_language(language)):
        heading = title(facts)
        context = document_context(language, heading, facts.issued_on, description=heading)
        context.update(
            facts=facts, title=heading, sections=outline(facts, language), keywords=f"{facts.group.code}, {facts.span_label}",
            **_front_matter(facts, language),
        )
        return render_to_string("annualreports/report.html", context)


def annual_report_pdf(facts: AnnualReportFacts, language: str) -> bytes:
    return html_to_pdf(annual_report_html(facts, language))


def annual_report_docx(facts: AnnualReportFacts, language: str) -> bytes:
    with override(django_language(language)):
        heading = title(facts)
        front = _front_matter(facts, language)
        writer = DocxWriter(language=language, title=heading, subject=heading, author="Tashawur",
                            keywords=f"{facts.group.code}, {facts.span_label}", header=heading)
        writer.heading(heading, 0)
        writer.paragraph(front["group_name"].value, lang=front["group_name"].lang)
        writer.paragraph(_("Issued on %(date)s") % {"date": _day(facts.issued_on)})
        if front["summary"]:
            writer.heading(_("Summary"), 1)
            writer.paragraph(front["summary"].value, lang=front["summary"].lang)
        if front["action_required"]:
            writer.heading(_("Action required from Council"), 1)
            writer.paragraph(front["action_required"].value, lang=front["action_required"].lang)
        for section in outline(facts, language):
            writer.heading(f"{section.number} {section.title}", 1)
            for block in section.blocks:
                _docx_block(writer, block)
        return writer.to_bytes()


def _day(value) -> str:
    return date_format(value, "DATE_FORMAT")


def _docx_block(writer: DocxWriter, block) -> None:
    if block.subheading:
        writer.heading(block.subheading.value, 2, lang=block.subheading.lang)
    if block.text:
        writer.paragraph(block.text.value, lang=block.text.lang, bold=block.emphasis)
    for item in block.items:
        writer.paragraph(item.value, style="List Bullet", lang=item.lang)
    if block.table:
        writer.table(block.table.header, block.table.rows, caption=block.table.caption)


def render(facts: AnnualReportFacts, language: str, file_format: str) -> bytes:
    if file_format == "pdf":
        return annual_report_pdf(facts, language)
    if file_format == "docx":
        return annual_report_docx(facts, language)
    return annual_report_html(facts, language).encode("utf-8")
