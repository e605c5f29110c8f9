"""The documents app keeps its own catalogue (tashawur/documents/locale): complete in the five languages."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

import tashawur.documents
from tests.core.test_translations import LANGUAGES, label, messages, placeholders

LOCALE_DIR = Path(tashawur.documents.__file__).resolve().parent / "locale"


@pytest.fixture(scope="module", params=sorted(LANGUAGES))
def catalogue(request):
    folder = request.param
    with (LOCALE_DIR / folder / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return folder, read_po(handle, locale=folder)


def test_every_entry_is_translated_with_the_placeholders_of_the_msgid(catalogue):
    folder, catalog = catalogue
    nplurals = LANGUAGES[folder][1]
    problems = []
    for message in messages(catalog):
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        expected = sorted(set().union(*(placeholders(i) for i in ids)))
        if message.pluralizable and len(forms) != nplurals:
            problems.append(f"{label(message)}: {len(forms)} forms")
        for form in forms:
            if not (form and form.strip()):
                problems.append(f"{label(message)}: not translated")
            elif sorted(set(placeholders(form))) != expected:
                problems.append(f"{label(message)}: {placeholders(form)} instead of {expected}")
        if message.fuzzy:
            problems.append(f"{label(message)}: fuzzy")
    assert not problems, f"{folder}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("language", "expected"), [
    ("ar", "التقرير المجمّع"), ("fr", "Rapport de synthèse"), ("zh-hans", "汇编报告"), ("ru", "Сводный отчет"),
    ("es", "Informe recopilatorio"),
])
def test_django_serves_the_documents_catalogue(language, expected):
    with translation.override(language):
        assert translation.gettext("Compiled report") == expected
