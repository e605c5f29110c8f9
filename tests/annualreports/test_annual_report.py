"""The annual report of CWG-Internet to Council for 2016–2017, built from the demo data (Res. 1336 rule 11)."""

import datetime as dt
import io

import docx
import pytest
import time_machine
from pypdf import PdfReader

from tashawur.annualreports.render import annual_report_docx, annual_report_html, annual_report_pdf
from tashawur.annualreports.selectors import annual_report_facts
from tashawur.groups.models import WorkingGroup

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2017, 5, 2, 9, tzinfo=dt.UTC)


@pytest.fixture
def facts(memory_demo, django_assert_max_num_queries):
    with time_machine.travel(NOW, tick=False), django_assert_max_num_queries(20):
        return annual_report_facts(WorkingGroup.objects.get(code="CWG-Internet"), 2016, 2017)


def test_the_facts_come_from_the_records(facts):
    assert [meeting.number for meeting in facts.meetings if meeting.number] == [8, 9]
    assert [item.consultation.slug for item in facts.consultations] == [
        "enabling-environment-internet-access", "development-aspects-internet"]
    development = facts.consultations[1]
    assert [finding.code for finding in development.calendar.violations] == ["deadline_late"]
    assert [decision.referred_to_council for decision in facts.decisions] == [False, True]
    assert (facts.repository.published_in_period, facts.repository.total_at_end) == (4, 5)
    assert (facts.positions.statements, facts.positions.member_states, facts.positions.superseding) == (8, 7, 1)
    assert facts.narrative is not None and facts.span_label == "2016\u20132017"


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_in_english(facts):
    text = " ".join(_pdf_text(annual_report_pdf(facts, "en")).split())
    assert "Annual report of CWG-Internet to Council for 2016–2017" in text
    assert "CWG-Internet meeting no. 8" in text and "CWG-Internet meeting no. 9" in text
    assert "Enabling environment for Internet access" in text and "Development aspects of the Internet" in text
    assert "Rule 4: the response deadline is Jan. 15, 2017, 11 days after" in text
    assert "the question was referred to Council" in text and "Bridging the gender digital divide" in text
    assert "4 entries were published in the repository in this period; it held 5" in text
    assert "8 positions were stated in this period, by 7 member states (1 superseding an earlier one)" in text
    assert "Council is invited to take note of this report" in text


def test_the_docx_in_arabic(facts):
    document = docx.Document(io.BytesIO(annual_report_docx(facts, "ar")))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join(paragraphs + cells)
    assert document.core_properties.language == "ar-SA"
    assert "يُرجى من المجلس أن يحيط علماً بهذا التقرير" in text
    assert "فريق العمل التابع للمجلس والمعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت" in text
    assert "سد الفجوة الرقمية بين الجنسين" in text  # a candidate topic referred to Council
    assert "CWG-Internet" in text and "2016" in text
    assert any(paragraph._p.pPr is not None and paragraph._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None
        for paragraph in document.paragraphs)


def test_the_html_marks_language_and_direction(facts):
    html = annual_report_html(facts, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="rtl"' in html and 'lang="en" dir="ltr"' not in html.split("<body>")[0]


def test_the_report_is_served_in_every_language_and_format(memory_demo, client):
    response = client.get("/annual-reports/CWG-Internet/2016-2017/fr.docx")
    assert response.status_code == 200 and response["Content-Disposition"].endswith('-fr.docx"')
    assert client.get("/annual-reports/CWG-Internet/2016-2017/zh.html").status_code == 200
    assert client.get("/annual-reports/").status_code == 200
    assert client.get("/annual-reports/Nope/2016-2017/en.html").status_code == 404
