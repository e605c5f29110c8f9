"""Which language a response is written in (ISO 639-1), for filters and statistics."""

from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

# The six UN languages first, then others common in consultations.
_LANGUAGES = (
    Language.ARABIC, Language.CHINESE, Language.ENGLISH, Language.FRENCH, Language.RUSSIAN, Language.SPANISH,
    Language.PORTUGUESE, Language.GERMAN, Language.ITALIAN, Language.JAPANESE, Language.KOREAN,
    Language.PERSIAN, Language.TURKISH, Language.HINDI, Language.INDONESIAN, Language.SWAHILI, Language.URDU,
)


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's main language, or "" when there is too little text to tell."""
    sample = " ".join((text or "").split())[:5000]
    if len(sample) < 8:
        return ""
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else ""
