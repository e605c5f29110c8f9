import datetime as dt
from pathlib import Path

from tashawur.documents.builders import render_compiled_report
from tashawur.documents.selectors import compiled_report

OUT = Path("/tmp/docs-out")


def test_dump(responses):
    OUT.mkdir(exist_ok=True)
    for lang in ("en", "ar"):
        report = compiled_report(responses["en"].consultation, language=lang, issued_at=dt.datetime(2017, 1, 18, 10, tzinfo=dt.UTC))
        for fmt in ("html", "pdf", "docx"):
            (OUT / f"report-{lang}.{fmt}").write_bytes(render_compiled_report(report, fmt))
