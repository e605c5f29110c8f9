"""The six official UN languages, as content keys and as Django language codes.

User content (group names, questions) is stored per language under ISO 639-1
keys; the interface uses Django's codes ("zh-hans" for Chinese).
"""

from django.utils.translation import get_language, gettext_lazy as _

CONTENT_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
LANGUAGE_NAMES = {
    "ar": _("Arabic"),
    "zh": _("Chinese"),
    "en": _("English"),
    "fr": _("French"),
    "ru": _("Russian"),
    "es": _("Spanish"),
}
# Autonyms are shown in the language switcher and are not translated.
AUTONYMS = {"ar": "العربية", "zh": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español"}
RTL_LANGUAGES = frozenset({"ar"})
FALLBACK_ORDER = ("en", "fr", "es", "ar", "ru", "zh")
_DJANGO_TO_CONTENT = {"zh-hans": "zh", "zh-hant": "zh", "zh-cn": "zh"}
_CONTENT_TO_DJANGO = {"zh": "zh-hans"}


def content_language(django_code: str | None = None) -> str:
    """The content key for a Django language code (the active one by default)."""
    code = (django_code or get_language() or "en").lower()
    code = _DJANGO_TO_CONTENT.get(code, code.split("-")[0])
    return code if code in CONTENT_LANGUAGES else "en"


def django_language(content_code: str) -> str:
    return _CONTENT_TO_DJANGO.get(content_code, content_code)


def text_direction(content_code: str) -> str:
    return "rtl" if content_code in RTL_LANGUAGES else "ltr"


def localized(values: dict | None, language: str | None = None) -> str:
    """Pick the text for ``language`` from a per-language dict, with a clear fallback.

    The fallback is English, then the other UN languages in a fixed order, so a
    title entered only in Arabic still shows everywhere.
    """
    if not values:
        return ""
    wanted = content_language(language)
    for code in (wanted, *FALLBACK_ORDER):
        text = values.get(code)
        if text:
            return text
    return next((text for text in values.values() if text), "")


def localized_language(values: dict | None, language: str | None = None) -> str:
    """The content key of the text ``localized`` would pick (for lang/dir attributes)."""
    if not values:
        return content_language(language)
    wanted = content_language(language)
    for code in (wanted, *FALLBACK_ORDER):
        if values.get(code):
            return code
    return wanted
