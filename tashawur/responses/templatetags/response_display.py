"""Display helpers for responses: names of countries and languages in the reader's language, text direction."""

from functools import lru_cache

import nh3
from babel import Locale, UnknownLocaleError
from django import template
from django.utils.safestring import mark_safe

from tashawur.core.languages import content_language
from tashawur.groups.member_states import country_name

register = template.Library()

# Right-to-left scripts among the languages a response may be detected in (ISO 639-1).
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "dv", "ku"})
_BABEL_LOCALES = {"zh": "zh_Hans"}


@lru_cache(maxsize=8)
def _language_names(language: str) -> dict:
    try:
        return Locale.parse(_BABEL_LOCALES.get(language, language)).languages
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en").languages


@register.filter
def country_label(code: str) -> str:
    """The country's CLDR name in the reader's language (any ISO 3166-1 code)."""
    return country_name(code, content_language()) if code else ""


@register.filter
def language_label(code: str) -> str:
    """The name of a language (ISO 639-1) in the reader's language."""
    if not code:
        return ""
    return _language_names(content_language()).get(code) or _language_names("en").get(code) or code


@register.filter
def text_dir(code: str) -> str:
    """``dir`` for a text in the given language; "auto" lets the browser decide when it is unknown."""
    if not code:
        return "auto"
    return "rtl" if code in RTL_LANGUAGES else "ltr"


@register.filter
def clean_html(html: str) -> str:
    """Answers' HTML was sanitised when received; cleaning again on output costs little and guards the page."""
    return mark_safe(nh3.clean(html or ""))


_FILE_KINDS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
    "application/vnd.oasis.opendocument.text": "OpenDocument (ODT)",
    "text/plain": "TXT",
}


@register.filter
def file_kind(content_type: str) -> str:
    """A short, language-neutral name of an accepted file type."""
    return _FILE_KINDS.get(content_type, content_type)
