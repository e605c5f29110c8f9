import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import translation

import tashawur.rules.checks as checks
from tashawur.consultations.rule_texts import describe
from tashawur.rules import Finding, Severity


def codes_in_the_engine() -> set[str]:
    source = Path(checks.__file__).read_text()
    return set(re.findall(r'Finding\(\s*\d+,\s*"(\w+)"', source)) | set(re.findall(r'\("(\w+_missing)",', source))


def test_the_engine_codes_are_found():
    assert {"deadline_late", "captioning_missing", "unchecked_launch"} <= codes_in_the_engine()
    assert len(codes_in_the_engine()) == 18


@pytest.mark.parametrize("code", sorted(codes_in_the_engine()))
def test_every_finding_has_its_own_translatable_sentence(code):
    finding = Finding(6, code, Severity.VIOLATION, dt.date(2017, 1, 4), dt.date(2017, 1, 15), 11, "ENGLISH FALLBACK")

    with translation.override("en"):
        sentence = describe(finding)

    assert sentence != "ENGLISH FALLBACK"
    assert "%(" not in sentence
