"""The catalogues of announcements and accounts are complete in the five UN languages other than English.

The same checks as `tests/core/test_translations.py`, for the catalogues these two apps keep beside
their code (see LOCALE_PATHS).
"""

import gettext as gettext_module
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

import tashawur
from tests.core.test_translations import LANGUAGES, placeholders

PACKAGE = Path(tashawur.__file__).resolve().parent
CATALOGUES = [(app, folder) for app in ("announcements", "accounts") for folder in sorted(LANGUAGES)]


def po_path(app: str, folder: str) -> Path:
    return PACKAGE / app / "locale" / folder / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize(("app", "folder"), CATALOGUES)
def test_the_catalogue_is_complete_and_keeps_the_placeholders(app, folder):
    with po_path(app, folder).open("rb") as handle:
        catalog = read_po(handle, locale=folder)
    _code, nplurals, rule = LANGUAGES[folder]
    headers = dict(catalog.mime_headers)
    match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*", headers.get("Plural-Forms", ""))
    assert match and int(match.group(1)) == nplurals and headers.get("Language") == folder
    plural = gettext_module.c2py(match.group(2))
    assert all(plural(n) == rule(n) for n in range(0, 1201))
    assert not catalog.fuzzy
    problems = []
    for message in (message for message in catalog if message.id):
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if message.pluralizable:
            forms = list(message.string)
            expected = sorted(set(placeholders(message.id[0])) | set(placeholders(message.id[1])))
            if len(forms) != nplurals or not all(form.strip() for form in forms):
                problems.append(f"plural forms: {message.id[0]!r}")
        else:
            forms, expected = [message.string], sorted(set(placeholders(message.id)))
            if not message.string.strip():
                problems.append(f"untranslated: {message.id!r}")
        for form in forms:
            if form and sorted(set(placeholders(form))) != expected and (expected or "python-format" in message.flags):
                problems.append(f"placeholders: {message.id!r} -> {form!r}")
    assert not problems, f"{app}/{folder}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("app", "folder"), CATALOGUES)
def test_the_compiled_catalogue_is_up_to_date(app, folder):
    po = po_path(app, folder)
    mo = po.with_suffix(".mo")
    assert mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime, f"run `make messages` ({mo})"


@pytest.mark.parametrize(("language", "expected"), [
    ("ar", "الدعوات والإعلانات"), ("zh-hans", "邀请和公告"), ("fr", "Invitations et annonces"),
    ("ru", "Приглашения и объявления"), ("es", "Invitaciones y anuncios"),
])
def test_django_serves_the_translations(language, expected):
    with translation.override(language):
        assert translation.gettext("Invitations and announcements") == expected
        assert translation.gettext("My subscriptions") != "My subscriptions"
