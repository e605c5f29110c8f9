"""The chair's report of the 8th and 9th meetings of CWG-Internet, as seed 003 has it, from the demo data."""

import datetime as dt

import pytest
from docx.oxml.ns import qn

from tashawur.documents.builders import render_chair_report
from tashawur.documents.chair import chair_report_data
from tashawur.documents.models import ChairReport, MeetingAttendance
from tashawur.groups.models import MemberState, WorkingGroup
from tashawur.meetings.models import Meeting
from tests.documents.readback import docx_document, docx_text, pdf_fonts, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair_report(demo):
    group = WorkingGroup.objects.get(code="CWG-Internet")
    meetings = list(Meeting.objects.filter(group=group, number__in=[8, 9]).order_by("number"))
    for meeting in meetings:
        MeetingAttendance.objects.bulk_create(
            MeetingAttendance(meeting=meeting, member_state=MemberState.objects.get(code=code), remote=code == "BR")
            for code in ("SA", "RU", "CN", "FR", "BR")
        )
    report = ChairReport.objects.create(
        group=group, symbol="C17/40", issued_on=dt.date(2017, 3, 27), chair_name="Majed M. Al-Mazyed",
        chair_member_state=MemberState.objects.get(code="SA"),
        action_required={"en": "Council is invited to take note of this report and to give guidance on paragraph 3.2.",
                         "ar": "يُرجى من المجلس أن يحيط علماً بهذا التقرير وأن يقدّم توجيهات فيما يتعلق بالبند 2.3."},
    )
    report.meetings.set(meetings)
    return report


def test_the_chair_report_fills_in_meetings_attendance_consultations_and_the_referral(chair_report):
    data = chair_report_data(chair_report, language="en")

    assert [(m.number, m.attended, m.remote) for m in data.meetings] == [
        (8, ["Brazil", "China", "France", "Russia", "Saudi Arabia"], ["Brazil"]),
        (9, ["Brazil", "China", "France", "Russia", "Saudi Arabia"], ["Brazil"]),
    ]
    assert [c.slug for c in data.consultations] == ["enabling-environment-internet-access", "development-aspects-internet"]
    assert [(d.meeting_number, d.referred_to_council) for d in data.decisions] == [(8, False), (9, True)]
    assert [t.title.value for t in data.annex_topics][:2] == [
        "Bridging the gender digital divide", "Public policy considerations for OTTs",
    ]


def test_english_docx_of_the_chair_report_has_the_shape_of_seed_003(chair_report):
    text = docx_text(render_chair_report(chair_report_data(chair_report, language="en"), "docx"))

    assert "Report of the Chair of the Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)" in text
    assert "Council is invited to take note of this report" in text
    assert "This report summarises the main results of meetings no. 8, 9 of the group" in text
    assert "5 member states attended meeting no. 9: Brazil; China; France; Russia; Saudi Arabia. 1 of them took part remotely: Brazil." in text
    assert "(b) from Oct. 28, 2016 to Jan. 15, 2017 on “Development aspects of the Internet”" in text
    assert ("At meeting no. 9 the group did not reach consensus on the topic of the next open consultation and agreed "
            "to refer the question to Council.") in text
    assert "Chair: Majed M. Al-Mazyed (Saudi Arabia)" in text
    assert "Annex: topics and their questions" in text
    assert "1 What approaches and examples of good practice are available to increase access" in text


def test_arabic_chair_report_in_pdf_and_docx_is_right_to_left_with_arabic_names(chair_report):
    data = chair_report_data(chair_report, language="ar")

    text = pdf_text(render_chair_report(data, "pdf"))
    assert "تقرير رئيس فريق العمل التابع للمجلس والمعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت" in text
    assert "دول أعضاء الاجتماع رقم" in text and "البرازيل؛ الصين؛ المملكة العربية السعودية؛ روسيا؛ فرنسا" in text
    assert "المملكة العربية السعودية" in text
    assert "سد الفجوة الرقمية بين الجنسين" in text and "ما هي النهج وأمثلة الممارسات الجيدة المتاحة" in text
    assert "من المجلس أن يحيط" in text  # pdftotext detaches diacritics, so none in the checks
    assert "Noto-Naskh-Arabic" in pdf_fonts(render_chair_report(data, "pdf"))
    document = docx_document(render_chair_report(data, "docx"))
    referral = next(p for p in document.paragraphs if "إحالة المسألة إلى المجلس" in p.text)
    assert referral._p.pPr.find(qn("w:bidi")) is not None
    assert any(p.text.startswith("أ) من") for p in document.paragraphs)  # items lettered as in seed 003
    html = render_chair_report(data, "html").decode()
    assert '<html lang="ar" dir="rtl">' in html and "paren-arabic" in html
