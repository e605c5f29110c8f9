import pytest

from tashawur.core.spreadsheet import spreadsheet_safe
from tashawur.responses.export import csv_row


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tx"])
def test_cells_that_a_spreadsheet_would_run_are_quoted(text):
    assert spreadsheet_safe(text) == "'" + text


def test_ordinary_text_and_numbers_are_unchanged():
    assert [spreadsheet_safe(v) for v in ("النفاذ الميسور", 42, None)] == ["النفاذ الميسور", "42", ""]


def test_response_csv_rows_are_spreadsheet_safe():
    row = csv_row({"organisation": "=cmd|' /C calc'!A0", "answers": [], "attachments": []}, private=False)
    assert row["organisation"] == "'=cmd|' /C calc'!A0"
