"""The gettext catalogues of the five UN languages other than English are complete and usable.

The .po files are checked as text (with Babel, as `compile_translations` reads them); the last
tests check that Django really serves the compiled .mo files (`make test` compiles them first).
"""

import gettext as gettext_module
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

import tashawur

LOCALE_DIR = Path(tashawur.__file__).resolve().parent / "locale"

# Catalogue folder -> (Django language code, number of plural forms, reference plural rule).
LANGUAGES = {
    "ar": ("ar", 6, lambda n: 0 if n == 0 else 1 if n == 1 else 2 if n == 2
           else 3 if 3 <= n % 100 <= 10 else 4 if n % 100 >= 11 else 5),
    "zh_Hans": ("zh-hans", 1, lambda n: 0),
    "fr": ("fr", 2, lambda n: int(n > 1)),
    "ru": ("ru", 3, lambda n: 0 if n % 10 == 1 and n % 100 != 11
           else 1 if 2 <= n % 10 <= 4 and not 10 <= n % 100 < 20 else 2),
    "es": ("es", 2, lambda n: int(n != 1)),
}

# A printf-style conversion as Python's % operator reads it (named or positional), not "%%".
PLACEHOLDER = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<type>[diouxXeEfFgGcrsa%])")


def placeholders(text: str) -> list[str]:
    """The placeholders of ``text`` as written, e.g. ["%(days)d", "%(actual)s"]; "%%" is left out."""
    return sorted(m.group(0) for m in PLACEHOLDER.finditer(text) if m.group("type") != "%")


def po_path(folder: str) -> Path:
    return LOCALE_DIR / folder / "LC_MESSAGES" / "django.po"


def load(folder: str):
    with po_path(folder).open("rb") as handle:
        return read_po(handle, locale=folder)


def messages(catalog):
    """Every entry but the header."""
    return [message for message in catalog if message.id]


def key(message):
    """An entry's identity: its context and msgid (the msgid of a plural entry is the pair)."""
    msgid = message.id if isinstance(message.id, str) else tuple(message.id)
    return (message.context, msgid)


def label(message) -> str:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return f"{message.context + ' | ' if message.context else ''}{msgid!r}"


@pytest.fixture(scope="module", params=sorted(LANGUAGES))
def catalogue(request):
    folder = request.param
    assert po_path(folder).is_file(), f"{po_path(folder)} is missing"
    return folder, load(folder)


def test_every_un_language_other_than_english_has_a_catalogue():
    present = {path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/django.po")}
    assert set(LANGUAGES) <= present


def test_catalogue_is_not_empty(catalogue):
    folder, catalog = catalogue
    assert len(messages(catalog)) > 100, f"{folder}: the catalogue looks empty; run makemessages (see locale/README.md)"


def test_plural_forms_header_is_right_for_the_language(catalogue):
    folder, catalog = catalogue
    _code, nplurals, rule = LANGUAGES[folder]
    headers = dict(catalog.mime_headers)
    match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*", headers.get("Plural-Forms", ""))
    assert match, f"{folder}: no well-formed Plural-Forms header: {headers.get('Plural-Forms')!r}"
    assert int(match.group(1)) == nplurals, f"{folder}: nplurals={match.group(1)}, expected {nplurals}"
    plural = gettext_module.c2py(match.group(2))
    wrong = [n for n in range(0, 1201) if plural(n) != rule(n)]
    assert not wrong, f"{folder}: the plural expression picks the wrong form for n in {wrong[:10]}"
    assert headers.get("Language") == folder, f"{folder}: Language header is {headers.get('Language')!r}"


def test_header_is_not_fuzzy(catalogue):
    folder, catalog = catalogue
    assert not catalog.fuzzy, f"{folder}: the header is marked fuzzy"


def test_no_entry_is_fuzzy(catalogue):
    folder, catalog = catalogue
    fuzzy = [label(message) for message in messages(catalog) if message.fuzzy]
    assert not fuzzy, f"{folder}: {len(fuzzy)} fuzzy entries (check the translation, then remove '#, fuzzy'): {fuzzy}"


def test_every_entry_is_translated_in_every_plural_form(catalogue):
    folder, catalog = catalogue
    _code, nplurals, _rule = LANGUAGES[folder]
    problems = []
    for message in messages(catalog):
        if message.pluralizable:
            forms = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]
            if len(forms) != nplurals:
                problems.append(f"{label(message)}: {len(forms)} plural forms, expected {nplurals}")
            elif not all(form and form.strip() for form in forms):
                empty = [index for index, form in enumerate(forms) if not (form and form.strip())]
                problems.append(f"{label(message)}: plural form(s) {empty} empty")
        elif not (message.string and message.string.strip()):
            problems.append(f"{label(message)}: not translated")
    assert not problems, f"{folder}: {len(problems)} untranslated entries:\n" + "\n".join(problems)


def test_translations_keep_the_placeholders_of_the_msgid(catalogue):
    folder, catalog = catalogue
    problems = []
    for message in messages(catalog):
        if message.pluralizable:
            ids = list(message.id)
            expected = sorted(set(placeholders(ids[0])) | set(placeholders(ids[1])))
            forms = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]
        else:
            expected = placeholders(message.id)
            forms = [message.string]
        if not expected and "python-format" not in message.flags:
            continue  # a plain string: a "%" in it is text, not a conversion
        for index, form in enumerate(forms):
            found = sorted(set(placeholders(form or "")))
            if form and found != sorted(set(expected)):
                problems.append(f"{label(message)} form {index}: {found} instead of {sorted(set(expected))}")
    assert not problems, f"{folder}: placeholders differ from the msgid:\n" + "\n".join(problems)


def test_all_catalogues_have_the_same_msgids():
    keys = {folder: {key(message) for message in messages(load(folder))} for folder in LANGUAGES}
    every = set().union(*keys.values())
    missing = {folder: sorted(map(str, every - found)) for folder, found in keys.items() if every - found}
    assert not missing, f"msgids missing from some catalogues (rerun makemessages for all five): {missing}"


# -- The compiled catalogues, as Django uses them -------------------------------------------------


def test_compiled_catalogues_are_up_to_date():
    stale = []
    for folder in LANGUAGES:
        po, mo = po_path(folder), po_path(folder).with_suffix(".mo")
        if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
            stale.append(str(mo))
    assert not stale, f"compile the catalogues first (`make messages`): {stale}"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", "أفرقة العمل"),
        ("zh-hans", "工作组"),
        ("fr", "Groupes de travail"),
        ("ru", "Рабочие группы"),
        ("es", "Grupos de trabajo"),
    ],
)
def test_django_serves_the_compiled_translation(language, expected):
    with translation.override(language):
        assert translation.gettext("Working groups") == expected
        assert translation.get_language_bidi() is (language == "ar")
    assert translation.gettext("Working groups") == "Working groups"


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("ar", 2, "2 قاعدتان مخالَفتان."),
        ("ar", 11, "11 قاعدةً مخالَفة."),
        ("ru", 1, "Нарушено 1 правило."),
        ("ru", 3, "Нарушено 3 правила."),
        ("ru", 12, "Нарушено 12 правил."),
        ("fr", 0, "0 règle non respectée."),
        ("es", 0, "0 reglas incumplidas."),
        ("zh-hans", 5, "违反了5条规则。"),
    ],
)
def test_django_picks_the_plural_form_of_the_language(language, count, expected):
    with translation.override(language):
        text = translation.ngettext("%(count)d rule broken.", "%(count)d rules broken.", count) % {"count": count}
    assert text == expected
