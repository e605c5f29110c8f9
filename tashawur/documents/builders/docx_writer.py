"""A small writer over python-docx that gets right-to-left and complex scripts right.

Word shows Arabic correctly only when the file says so: paragraphs with ``w:bidi``,
Arabic runs with ``w:rtl``, the complex-script font (``w:rFonts w:cs``, ``w:hint="cs"``)
and language (``w:lang w:bidi="ar-SA"``). Latin names and numbers inside Arabic text get
their own left-to-right runs, as Word itself stores them. The document language, the
running header, page numbers and a table-of-contents field are set here too.
"""

import io
import re

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tashawur.documents.fonts import document_fonts
from tashawur.documents.text import direction, script_runs

LANGUAGE_TAGS = {"ar": "ar-SA", "en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ru": "ru-RU", "zh": "zh-CN"}
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _element(tag: str, **attributes) -> OxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _replace(parent, tag: str, *successors: str, **attributes):
    """Set the only ``tag`` child of ``parent``, placed before ``successors`` as the schema orders them."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    element = _element(tag, **attributes)
    parent.insert_element_before(element, *successors)
    return element


# Elements that follow w:bidi in a paragraph's, a section's and a table's properties (ECMA-376).
_AFTER_PARAGRAPH_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
_AFTER_SECTION_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
_AFTER_TABLE_BIDI = (
    "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
    "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
)
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


class DocxWriter:
    """Build one document in one language; every ``text`` may be in any language."""

    def __init__(self, *, language: str, title: str, subject: str, author: str, keywords: str, header: str):
        self.language = language
        self.rtl = language == "ar"
        self.fonts = document_fonts()
        self.document = Document()
        self._styles = {}
        self._set_defaults()
        properties = self.document.core_properties
        properties.title, properties.subject, properties.author = title, subject, author
        properties.keywords, properties.language = keywords, LANGUAGE_TAGS.get(language, language)
        properties.comments = "Tashawur"
        self._set_section(header)

    # -- document-wide settings ------------------------------------------------------------
    def _set_defaults(self):
        styles = self.document.styles.element
        run_defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = self.fonts
        self._fonts(run_defaults.get_or_add_rFonts())
        _replace(run_defaults, "w:lang", *_AFTER_LANG, val=LANGUAGE_TAGS.get(self.language, "en-GB"),
                 eastAsia="zh-CN", bidi="ar-SA")
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Bullet",
                     "List Number", "Header", "Footer", "Caption"):
            style = self.document.styles[name]
            self._styles[name] = style
            rpr = style.element.get_or_add_rPr()
            rpr._remove_rFonts()  # headings name the theme's fonts: use ours
            self._fonts(rpr.get_or_add_rFonts())
        self._styles["Normal"].font.size = Pt(10.5)
        settings = self.document.settings.element
        for theme_lang in settings.findall(qn("w:themeFontLang")):
            theme_lang.set(qn("w:val"), LANGUAGE_TAGS.get(self.language, "en-GB"))
            theme_lang.set(qn("w:eastAsia"), "zh-CN")
            theme_lang.set(qn("w:bidi"), "ar-SA")
        # Word fills in the table of contents and page numbers on opening.
        _replace(settings, "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                 "w:docVars", "w:rsids", "w:mathPr", "w:attachedSchema", "w:themeFontLang", val="true")

    def _fonts(self, rfonts):
        for key, family in (("ascii", "latin"), ("hAnsi", "latin"), ("cs", "arabic"), ("eastAsia", "cjk")):
            rfonts.set(qn(f"w:{key}"), self.fonts[family].family)
        for theme in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
            rfonts.attrib.pop(qn(f"w:{theme}"), None)

    def _set_section(self, header: str):
        section = self.document.sections[0]
        section.page_height, section.page_width = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(24), Mm(20)
        section.left_margin = section.right_margin = Mm(18)
        section.different_first_page_header_footer = True
        if self.rtl:
            _replace(section._sectPr, "w:bidi", *_AFTER_SECTION_BIDI)
        self.paragraph(header, style="Header", container=section.header, lang=self.language)
        self.page_numbers(section.footer)

    # -- text ------------------------------------------------------------------------------
    def _style(self, name: str):
        if name not in self._styles:
            self._styles[name] = self.document.styles[name]
        return self._styles[name]

    def add_runs(self, paragraph, text: str, *, bold: bool = False, italic: bool = False):
        for chunk, rtl in script_runs(text):
            run = paragraph.add_run(chunk)
            if bold:
                run.bold = True
            if italic:
                run.italic = True
            if rtl:
                rpr = run._r.get_or_add_rPr()
                rfonts = rpr.get_or_add_rFonts()
                rfonts.set(qn("w:hint"), "cs")
                rfonts.set(qn("w:cs"), self.fonts["arabic"].family)
                if bold:
                    rpr.get_or_add_bCs()
                if italic:
                    rpr.get_or_add_iCs()
                rpr.get_or_add_rtl()
                _replace(rpr, "w:lang", *_AFTER_LANG, bidi="ar-SA")
        return paragraph

    def _direction(self, paragraph, text: str, lang: str | None):
        default = "rtl" if self.rtl else "ltr"
        if direction(text, lang or "", default) == "rtl":
            _replace(paragraph._p.get_or_add_pPr(), "w:bidi", *_AFTER_PARAGRAPH_BIDI)

    def paragraph(self, text: str = "", *, style: str = "Normal", lang: str | None = None, bold: bool = False,
                  italic: bool = False, container=None):
        target = container or self.document
        paragraph = target.paragraphs[0] if container is not None and not target.paragraphs[0].text else None
        if paragraph is None:
            paragraph = target.add_paragraph()
        paragraph.style = self._style(style)
        self._direction(paragraph, text, lang or self.language)
        self.add_runs(paragraph, text, bold=bold, italic=italic)
        return paragraph

    def heading(self, text: str, level: int, *, lang: str | None = None):
        return self.paragraph(text, style="Title" if level == 0 else f"Heading {level}", lang=lang)

    def labelled(self, label: str, text: str, *, lang: str | None = None):
        """'Label: text' where the text may be in another language than the label."""
        paragraph = self.paragraph(label, bold=True)
        self.add_runs(paragraph, " " + text)
        return paragraph

    def page_break(self):
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- fields ----------------------------------------------------------------------------
    def _field(self, paragraph, instruction: str, placeholder: str):
        """A complex field: begin, instruction, separate, the text shown until Word updates it, end."""
        paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="begin"))
        code = OxmlElement("w:instrText")
        code.set(qn("xml:space"), "preserve")
        code.text = f" {instruction} "
        paragraph.add_run()._r.append(code)
        paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))
        paragraph.add_run(placeholder)
        paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))

    def table_of_contents(self, title: str, placeholder: str):
        self.heading(title, 1)
        paragraph = self.paragraph("")
        self._field(paragraph, 'TOC \\o "1-2" \\h \\z \\u', placeholder)

    def page_numbers(self, footer, sentence: str | None = None):
        """'Page X of Y' with PAGE and NUMPAGES fields where the sentence has %(page)s and %(pages)s."""
        from django.utils.translation import gettext as _

        sentence = sentence or _("Page %(page)s of %(pages)s")
        paragraph = footer.paragraphs[0]
        paragraph.style = self._style("Footer")
        if self.rtl:
            _replace(paragraph._p.get_or_add_pPr(), "w:bidi", *_AFTER_PARAGRAPH_BIDI)
        position = 0
        for match in _PLACEHOLDER.finditer(sentence):
            self.add_runs(paragraph, sentence[position:match.start()])
            self._field(paragraph, "PAGE" if match.group(1) == "page" else "NUMPAGES", "1")
            position = match.end()
        self.add_runs(paragraph, sentence[position:])

    # -- tables ----------------------------------------------------------------------------
    def table(self, header: list[str], rows: list[list[str]], *, caption: str = ""):
        if caption:
            self.paragraph(caption, style="Caption")
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = self.document.styles["Table Grid"]
        if self.rtl:
            _replace(table._tbl.tblPr, "w:bidiVisual", *_AFTER_TABLE_BIDI)
        for cell, text in zip(table.rows[0].cells, header):
            self._cell(cell, text, bold=True)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row):
                self._cell(cell, str(text))
        return table

    def _cell(self, cell, text: str, *, bold: bool = False):
        paragraph = cell.paragraphs[0]
        self._direction(paragraph, text, self.language)
        self.add_runs(paragraph, text, bold=bold)

    def new_section(self):
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        return section

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()
