"""The meetings' own catalogues (tashawur/meetings/locale) are complete, like the project's (tests/core)."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

import tashawur.meetings
from tests.core.test_translations import LANGUAGES, placeholders

LOCALE_DIR = Path(tashawur.meetings.__file__).resolve().parent / "locale"


def catalogue_path(folder: str) -> Path:
    return LOCALE_DIR / folder / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module", params=sorted(LANGUAGES))
def catalogue(request):
    folder = request.param
    with catalogue_path(folder).open("rb") as handle:
        return folder, read_po(handle, locale=folder)


def test_every_entry_is_translated_in_every_plural_form_and_none_is_fuzzy(catalogue):
    folder, catalog = catalogue
    nplurals = LANGUAGES[folder][1]
    assert catalog.num_plurals == nplurals and not catalog.fuzzy
    problems = []
    for message in catalog:
        if not message.id:
            continue
        forms = list(message.string) if message.pluralizable else [message.string]
        if message.fuzzy or len(forms) != (nplurals if message.pluralizable else 1) or not all(
            form and form.strip() for form in forms
        ):
            problems.append(message.id)
    assert not problems, f"{folder}: untranslated or fuzzy: {problems}"


def test_translations_keep_the_placeholders(catalogue):
    folder, catalog = catalogue
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = list(message.id) if message.pluralizable else [message.id]
        expected = sorted(set().union(*(placeholders(each) for each in ids)))
        for form in (list(message.string) if message.pluralizable else [message.string]):
            if expected and sorted(set(placeholders(form))) != expected:
                problems.append((message.id, form))
    assert not problems, f"{folder}: {problems}"


def test_no_direction_marks_or_markup_in_translations(catalogue):
    folder, catalog = catalogue
    marked = [message.id for message in catalog if message.id and re.search(
        "[\u200e\u200f<]", "".join(message.string) if message.pluralizable else message.string,
    )]
    assert not marked, f"{folder}: {marked}"


@pytest.mark.parametrize(("language", "expected"), [
    ("ar", "التسجيل للمشاركة"), ("zh-hans", "报名出席"), ("fr", "S'inscrire pour participer"),
    ("ru", "Зарегистрироваться для участия"), ("es", "Inscribirse para asistir"),
])
def test_django_serves_the_meetings_catalogue(language, expected):
    with translation.override(language):
        assert translation.gettext("Register to attend") == expected
