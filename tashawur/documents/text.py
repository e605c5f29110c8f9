"""Plain-text helpers for documents: direction of a text, scripts in a line, form-letter keys."""

import re
import unicodedata

_RTL_BIDI = {"R", "AL"}
_WHITESPACE = re.compile(r"\s+")


def first_strong_direction(text: str) -> str | None:
    """'rtl' or 'ltr' from the first strong character (as HTML's dir=auto), None if none."""
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in _RTL_BIDI:
            return "rtl"
        if bidi == "L":
            return "ltr"
    return None


def direction(text: str, language: str = "", default: str = "ltr") -> str:
    """The paragraph direction of a text: its first strong character, else its language."""
    found = first_strong_direction(text)
    if found:
        return found
    if language in ("ar", "fa", "he", "ur"):
        return "rtl"
    return default


def is_rtl_char(char: str) -> bool:
    return unicodedata.bidirectional(char) in _RTL_BIDI


def script_runs(text: str) -> list[tuple[str, bool]]:
    """Split a line into runs of right-to-left script and the rest, as Word itself stores them.

    Neutral characters (spaces, punctuation) stay with the run before them; digits and
    Latin letters inside Arabic text get their own left-to-right run, so a name such as
    "John Smith" or a year keeps its order. Returns ``[(text, is_rtl), ...]``.
    """
    runs: list[list] = []
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in _RTL_BIDI or bidi in ("AN", "NSM") and runs and runs[-1][1]:
            rtl = True
        elif bidi in ("L", "EN", "AN"):
            rtl = False
        else:  # neutral: joins the current run
            rtl = runs[-1][1] if runs else False
        if runs and runs[-1][1] == rtl:
            runs[-1][0] += char
        else:
            runs.append([char, rtl])
    return [(chunk, rtl) for chunk, rtl in runs]


def normalised(text: str) -> str:
    """The text as compared for identical submissions (form letters).

    Unicode compatibility form, case folded, whitespace collapsed, and Arabic
    tatweel and diacritics removed, so copies that differ only in typing match.
    """
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = "".join(
        char for char in unicodedata.normalize("NFD", text)
        if char != "\u0640" and not (unicodedata.category(char) == "Mn" and "\u0610" <= char <= "\u065f")
    )
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
