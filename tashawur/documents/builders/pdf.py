"""PDF from the documents' HTML, with WeasyPrint: tagged (PDF/UA-1), fonts checked first.

Res. 1336 rule 8: the compilation goes to the group and to all stakeholders, so it
must be readable by everyone: the PDF is tagged for screen readers, carries its
language and title, and embeds fonts that shape Arabic and show Chinese.
"""

import logging
import re
import time
from collections.abc import Callable
from contextlib import contextmanager

from tashawur.documents.fonts import check_fonts

PDF_VARIANT = "pdf/ua-1"
PROGRESS_LOGGER = logging.getLogger("weasyprint.progress")
PROGRESS_LOGGER.setLevel(logging.WARNING)  # a line per page would flood the log; read only while generating
_PAGE = re.compile(r"Page (\d+)")
Progress = Callable[[str, int], None]  # (stage, number of the page being laid out or 0)


class _ProgressHandler(logging.Handler):
    """Turns WeasyPrint's progress log ("Step 5 - Creating layout - Page 12") into calls, twice a second at most."""

    def __init__(self, progress: Progress):
        super().__init__(logging.INFO)
        self.progress = progress
        self.last = 0.0

    def emit(self, record):
        message = record.getMessage()
        now = time.monotonic()
        page = _PAGE.search(message)
        if page and now - self.last < 0.5:
            return
        self.last = now
        self.progress("layout" if page else "pdf", int(page.group(1)) if page else 0)


@contextmanager
def _progress_logging(progress: Progress | None):
    if progress is None:
        yield
        return
    logger = PROGRESS_LOGGER
    handler = _ProgressHandler(progress)
    previous = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # one line per page would flood the worker's log
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous[0])
        logger.propagate = previous[1]


def html_to_pdf(html: str, *, progress: Progress | None = None) -> bytes:
    """Render a document's HTML to a tagged PDF; ``FontMissing`` if a script's font is not installed."""
    check_fonts()
    from weasyprint import HTML  # imported late: it loads Pango, which the web process rarely needs

    with _progress_logging(progress):
        return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)
