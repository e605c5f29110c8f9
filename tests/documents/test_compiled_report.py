"""The compiled report (Res. 1336 rules 5 and 8) in HTML, PDF and Word, read back as a reader would."""

import datetime as dt
import io
import re

import pytest
from docx.oxml.ns import qn
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from tashawur.documents.builders import render_compiled_report
from tashawur.documents.errors import FontMissing
from tashawur.documents.selectors import compiled_report
from tests.documents.samples import ARABIC_ANSWER, FORM_LETTER
from tests.documents.readback import docx_document, docx_text, pdf_fonts, pdf_text, squeezed

pytestmark = pytest.mark.django_db
ISSUED = dt.datetime(2017, 1, 18, 10, tzinfo=dt.UTC)  # 16 days before the physical meeting of 3 Feb 2017
HIDDEN = ("Secret Sender", "Confidential Ministry", "XJ-2017", "Hidden Person", "Hidden Organisation",
          "Queued Person", "@example.org")


def report(consultation, language="en", **options):
    return compiled_report(consultation, language=language, issued_at=ISSUED, **options)


def test_arabic_pdf_reads_back_in_logical_order_with_arabic_fonts_embedded_and_tagged(consultation, responses):
    data = render_compiled_report(report(consultation, "ar"), "pdf")

    text = pdf_text(data)
    # pdftotext detaches Arabic diacritics (the shadda of المجمّع) into lines of their own, so the
    # checks below use words without them.
    assert "للردود على المشاورة المفتوحة" in text and "الجوانب الإنمائية للإنترنت" in text
    # Logical order: the Latin name, the organisation and the numbers come where the writer put them.
    assert squeezed("كما قال John Smith من منظمة Internet Society في عام 2017 بنسبة 42 في") in squeezed(text)
    assert "أمينة حداد" in text and "مختبر الحقوق الرقمية · تونس · المجتمع المدني" in text
    assert squeezed("تتضمن هذه الطبعة 10 ردود") in squeezed(text)  # Arabic plural for 3–10
    assert squeezed("يحمل هذا التقرير تاريخ 18 يناير") in squeezed(text)
    assert "أي قبل الاجتماع الحضوري للمشاورة المفتوحة" in text
    for other in ("Le coût des terminaux", "Высокая стоимость подключения", "农村地区的宽带覆盖仍然不足", "La falta de contenido local"):
        assert other in text
    fonts = pdf_fonts(data)
    assert fonts.get("Noto-Naskh-Arabic") is True
    assert any(name.startswith("Noto-Sans-CJK") and embedded for name, embedded in fonts.items())
    assert all(fonts.values()), f"a font is not embedded: {fonts}"
    pdf = PdfReader(io.BytesIO(data))
    assert (pdf.trailer["/Root"]["/Lang"], pdf.trailer["/Root"]["/MarkInfo"]["/Marked"]) == ("ar", True)
    assert "/StructTreeRoot" in pdf.trailer["/Root"]
    assert pdf.metadata.title == "التقرير المجمّع: الجوانب الإنمائية للإنترنت"
    assert re.search(r"الصفحة2من\d+|\d+من2الصفحة", squeezed(text))  # page numbers in the footer


def test_english_pdf_has_contents_statistics_and_every_language(consultation, responses):
    data = render_compiled_report(report(consultation, "en"), "pdf")

    text = pdf_text(data)
    assert re.search(r"Contents Timeline of the consultation \.+ ?\d Summary statistics \.+ ?\d", text)
    assert "10 responses are included in this edition. 3 of them are identical submissions, shown once in 1 group." in text
    assert "Individual 1 3 4" in text and "Total 5 5 10" in text  # by stakeholder group × channel
    assert "Individual E-mail English 3" in text  # the three-way table
    assert "No. 1: أمينة حداد" in text and "No. 2: John Smith" in text
    assert "This report is dated Jan. 18, 2017, 16 days before the physical open consultation meeting (Feb. 3, 2017)." in text
    assert re.search(r"CWG-\d+/9/development-aspects · Development aspects of the Internet", text)  # running header
    assert "Page 2 of" in text
    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize(("language", "heading", "html_lang"), [
    ("ar", "التقرير المجمّع للردود على المشاورة المفتوحة", "ar"),
    ("zh", "公开磋商答复汇编报告", "zh-Hans"),
    ("en", "Compiled report of the responses to the open consultation", "en"),
    ("fr", "Rapport de synthèse des réponses à la consultation ouverte", "fr"),
    ("ru", "Сводный отчет об ответах на открытую консультацию", "ru"),
    ("es", "Informe recopilatorio de las respuestas a la consulta abierta", "es"),
])
def test_html_in_each_language_marks_language_and_direction_of_every_answer(consultation, responses, language, heading, html_lang):
    html = render_compiled_report(report(consultation, language), "html").decode()

    assert f'<html lang="{html_lang}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert heading in html
    assert f'<div class="answer" lang="ar" dir="rtl"><p>{ARABIC_ANSWER}</p></div>' in html
    assert '<div class="answer" lang="zh" dir="ltr"><p>农村地区的宽带覆盖仍然不足。</p></div>' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="bar"' in html  # the chart


def test_arabic_docx_sets_rtl_paragraphs_complex_script_runs_and_document_language(consultation, responses):
    data = render_compiled_report(report(consultation, "ar"), "docx")
    document = docx_document(data)

    answer = next(p for p in document.paragraphs if p.text == ARABIC_ANSWER)
    assert answer._p.pPr.find(qn("w:bidi")) is not None
    runs = {run.text: run._r.rPr for run in answer.runs}
    arabic = runs["نرى أن النفاذ الميسور التكلفة هو أساس التنمية، كما قال "]
    assert arabic.find(qn("w:rtl")) is not None
    assert arabic.find(qn("w:rFonts")).get(qn("w:hint")) == "cs"
    assert arabic.find(qn("w:rFonts")).get(qn("w:cs")) == "Noto Naskh Arabic"
    assert arabic.find(qn("w:lang")).get(qn("w:bidi")) == "ar-SA"
    assert [text for text, rpr in runs.items() if rpr is None or rpr.find(qn("w:rtl")) is None] == [
        "John Smith ", "Internet Society ", "2017 ", "42 ",
    ]  # Latin names and numbers keep their own left-to-right runs, in logical order
    english = next(p for p in document.paragraphs if p.text == "Spectrum costs and rural backhaul are the main barriers.")
    assert english._p.pPr is None or english._p.pPr.find(qn("w:bidi")) is None
    assert document.core_properties.language == "ar-SA"
    assert document.core_properties.title == "التقرير المجمّع: الجوانب الإنمائية للإنترنت"
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "ar-SA"
    assert document.sections[0]._sectPr.find(qn("w:bidi")) is not None
    assert document.tables[0]._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    xml = document.element.xml
    assert 'TOC \\o "1-2"' in xml
    assert "PAGE" in document.sections[0].footer._element.xml


def test_english_docx_holds_statistics_counts_and_headings_for_the_table_of_contents(consultation, responses):
    data = render_compiled_report(report(consultation, "en"), "docx")
    document = docx_document(data)

    text = docx_text(data)
    assert "10 responses are included in this edition." in text
    assert "Individual | 1 | 3 | 4" in text and "Total | 5 | 5 | 10" in text
    assert "Individual | E-mail | English | 3" in text
    assert "No. 8: identical submission from 3 respondents" in text
    assert "1. Anna Weber (Germany)" in text and "3. Lena Wolf (Germany)" in text
    assert {p.text for p in document.paragraphs if p.style.name == "Heading 1"} >= {
        "Contents", "Timeline of the consultation", "Summary statistics", "Questions", "Responses by respondent",
    }
    assert document.core_properties.language == "en-GB"


def test_identical_submissions_are_shown_once_with_the_count_and_the_senders(consultation, responses):
    compiled = report(consultation)

    groups = compiled.identical_groups
    assert [(entry.count, [s.name for s in entry.senders]) for entry in groups] == [
        (3, ["Anna Weber", "Jonas Becker", "Lena Wolf"]),
    ]
    assert groups[0].answers[consultation.topic.questions.get(position=1).pk].value == FORM_LETTER
    assert len(compiled.entries) == 8 and compiled.response_count == 10
    separate = report(consultation, group_identical=False)
    assert len(separate.entries) == 10 and not separate.identical_groups


def test_order_by_question_lists_the_answers_under_each_question(consultation, responses):
    html = render_compiled_report(report(consultation, order="question"), "html").decode()

    first, second = html.index('id="question-1"'), html.index('id="question-2"')
    assert first < html.index("Spectrum costs and rural backhaul") < second
    assert second < html.index("Universal service funds since 2009.")
    assert second < html.index("Community networks, licensed since 2015.")
    assert html.index('id="senders"') > second


@pytest.mark.parametrize("file_format", ["html", "pdf", "docx"])
def test_a_group_only_response_never_reaches_the_public_edition(consultation, responses, file_format):
    data = render_compiled_report(report(consultation, edition="public"), file_format)
    text = {"html": lambda d: d.decode(), "pdf": pdf_text, "docx": docx_text}[file_format](data)

    for hidden in HIDDEN:
        assert hidden not in text
    assert "Anonymous" in text or "anonymous" in text
    group = render_compiled_report(report(consultation, edition="group"), file_format)
    group_text = {"html": lambda d: d.decode(), "pdf": pdf_text, "docx": docx_text}[file_format](group)
    assert "Confidential Ministry" in group_text and "for the group only" in group_text
    assert "Hidden Person" not in group_text  # anonymity holds in the group's edition too


def test_a_missing_font_stops_the_pdf_with_a_clear_error(consultation, responses, settings):
    settings.DOCUMENT_FONTS = {"arabic": "Noto Nonexistent Arabic"}

    with pytest.raises(FontMissing) as missing:
        render_compiled_report(report(consultation, "ar"), "pdf")
    assert missing.value.message == (
        "The font Noto Nonexistent Arabic is not installed, so the PDF cannot show Arabic text. "
        "Install the Debian package fonts-noto-core (see the README, \"Documents\")."
    )


def test_compile_report_command_writes_the_file_and_refuses_a_bad_slug(consultation, responses, tmp_path):
    target = tmp_path / "report.docx"

    call_command("compile_report", "development-aspects", "--format", "docx", "--lang", "fr", "-o", str(target))

    assert "Rapport de synthèse des réponses à la consultation ouverte" in docx_text(target.read_bytes())
    with pytest.raises(CommandError, match="No consultation with the slug 'nope'"):
        call_command("compile_report", "nope", "-o", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="--lang de"):
        call_command("compile_report", "development-aspects", "--lang", "de", "-o", str(tmp_path / "x.pdf"))
