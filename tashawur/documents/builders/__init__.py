"""Builders turn a report's data into a file: HTML (the public page), PDF (WeasyPrint), DOCX (python-docx)."""

from tashawur.documents.errors import UnknownOption
from tashawur.documents.models import Format

CONTENT_TYPES = {
    Format.PDF: "application/pdf",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.HTML: "text/html; charset=utf-8",
}


def render_compiled_report(report, file_format: str, *, progress=None) -> bytes:
    """The compiled report in one format (Res. 1336 rules 5 and 8)."""
    from tashawur.documents.builders import docx_reports, html, pdf

    if file_format == Format.HTML:
        return html.compiled_report_html(report).encode("utf-8")
    if file_format == Format.PDF:
        return pdf.html_to_pdf(html.compiled_report_html(report), progress=progress)
    if file_format == Format.DOCX:
        return docx_reports.compiled_report_docx(report)
    raise UnknownOption(value=file_format, option="format")


def render_chair_report(data, file_format: str) -> bytes:
    """The chair's report of one or more group meetings (seed 003's shape)."""
    from tashawur.documents.builders import docx_reports, html, pdf

    if file_format == Format.HTML:
        return html.chair_report_html(data).encode("utf-8")
    if file_format == Format.PDF:
        return pdf.html_to_pdf(html.chair_report_html(data))
    if file_format == Format.DOCX:
        return docx_reports.chair_report_docx(data)
    raise UnknownOption(value=file_format, option="format")
