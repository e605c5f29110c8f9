"""Reading generated documents back, as a reader's tools would: pdftotext, pypdf, python-docx."""

import io
import re
import shutil
import subprocess

from docx import Document
from pypdf import PdfReader

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", _BIDI_CONTROLS.sub("", text)).strip()


def squeezed(text: str) -> str:
    """Without any whitespace: pdftotext drops or adds spaces where right-to-left and left-to-right runs meet."""
    return re.sub(r"\s+", "", _BIDI_CONTROLS.sub("", text))


def pdf_text(data: bytes) -> str:
    """The text in logical (reading) order, as poppler's pdftotext gives it."""
    assert shutil.which("pdftotext"), "install poppler-utils (apt) to read PDFs back"
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
    return normalised(result.stdout.decode("utf-8"))


def pdf_fonts(data: bytes) -> dict[str, bool]:
    """Base font name -> whether the font program is embedded."""
    fonts = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            keys = set(descriptor.get_object().keys()) if descriptor is not None else set()
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            fonts[name] = bool(keys & {"/FontFile", "/FontFile2", "/FontFile3"})
    return fonts


def docx_document(data: bytes):
    return Document(io.BytesIO(data))


def docx_text(data: bytes) -> str:
    document = docx_document(data)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return normalised("\n".join(parts))
