"""Council Resolution 1334 (modified 2023) in the demo data: its mandates, one of them overdue."""

import datetime as dt
from pathlib import Path

import pytest
import time_machine

from tashawur.mandates.due import DueStatus
from tashawur.mandates.models import Mandate, Resolution
from tashawur.mandates.selectors import due_board, mandate_statuses

pytestmark = pytest.mark.django_db
SEED = Path("/work/shared/seeds/004_98045c5ffbd65369.txt")
SEPTEMBER_2025 = dt.datetime(2025, 9, 1, 9, tzinfo=dt.UTC)


def _mandate(addressee, paragraph):
    return Mandate.objects.get(resolution__number="1334", addressee=addressee, paragraph=paragraph)


def test_the_operative_paragraphs_are_loaded_in_arabic_and_english(memory_demo):
    resolution = Resolution.objects.get(number="1334")
    assert resolution.label() == "Resolution 1334 (modified 2023)"
    counts = {addressee: resolution.mandates.filter(addressee=addressee).count()
              for addressee in ("secretary_general", "working_group", "member_states", "members")}
    assert counts == {"secretary_general": 12, "working_group": 3, "member_states": 4, "members": 6}
    report = _mandate("secretary_general", 8)
    assert report.text["ar"].startswith("بإعداد وتقديم تقرير عن القمة العالمية لمجتمع المعلومات بعد 20 عاماً")
    assert report.text["en"].startswith("to prepare and submit a WSIS+20 report")
    assert (report.recurrence, report.due_on, report.group.code) == ("once", dt.date(2025, 6, 17), "CWG-WSIS-SDG")


@pytest.mark.skipif(not SEED.exists(), reason="the seed documents are not beside the project")
def test_the_arabic_text_is_verbatim_from_the_seed(memory_demo):
    seed = SEED.read_text(encoding="utf-8")
    for mandate in Mandate.objects.filter(resolution__number="1334"):
        assert f"{mandate.paragraph}\t{mandate.text['ar']}" in seed


@time_machine.travel(SEPTEMBER_2025, tick=False)
def test_the_wsis20_report_due_at_the_2025_session_is_overdue(memory_demo):
    states = {(item.mandate.addressee, item.mandate.paragraph): item.state for item in mandate_statuses()}
    assert states["secretary_general", 8].status == DueStatus.OVERDUE
    assert states["secretary_general", 8].missed == (dt.date(2025, 6, 17),)
    assert states["secretary_general", 5].status == DueStatus.UPCOMING  # answered for 2024 and 2025
    assert states["secretary_general", 5].next_due == dt.date(2026, 6, 17)
    assert states["secretary_general", 6].status == DueStatus.ANSWERED  # "until 2025", both answered
    assert states["secretary_general", 11].next_due == dt.date(2026, 6, 17)
    assert states["members", 5].status == DueStatus.ONGOING
    assert [item.mandate.paragraph for item in due_board().overdue] == [8]


@time_machine.travel(SEPTEMBER_2025, tick=False)
def test_the_due_page_shows_it_as_overdue(memory_demo, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        page = client.get("/mandates/")
    html = page.content.decode()
    overdue = html[html.index('id="overdue-heading"'):html.index('id="due-heading"')]
    assert "Overdue (1)" in html
    assert "paragraph 8" in overdue and "to prepare and submit a WSIS+20 report" in overdue
    assert "due on June 17, 2025, 76 days ago, with no answering document" in overdue
    assert "paragraph 5" not in overdue


@time_machine.travel(SEPTEMBER_2025, tick=False)
def test_the_resolution_page_lists_every_paragraph_in_the_readers_language(memory_demo, client):
    page = client.get("/mandates/resolutions/council/1334/", HTTP_ACCEPT_LANGUAGE="ar")
    html = page.content.decode()
    assert page.status_code == 200 and html.count('class="mandate ') == 25
    assert 'lang="ar" dir="rtl"' in html and "بإعداد وتقديم تقرير" in html
