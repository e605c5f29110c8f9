"""Highlighted snippets, made in Python for both engines with the same folding as the match.

A snippet is a short window of the original text around the first match, as
segments ``(text, matched)``; templates mark the matched ones, so no user text
is ever marked safe.
"""

from dataclasses import dataclass

from tashawur.search.text import CJK_RUN, WORD, QueryTerm, fold, stem

WIDTH = 240
LEAD = 60  # characters shown before the first match
SCAN_LIMIT = 100_000  # a match further into a long attachment shows the start of it instead


@dataclass(frozen=True)
class Segment:
    text: str
    matched: bool


def _word_matches(word: str, language: str, forms: set[str]) -> bool:
    folded = fold(word)
    return folded in forms or stem(word, language) in forms


def _spans(text: str, terms: list[QueryTerm], language: str, *, stop_after: int | None = None):
    """(start, end) of each match in the original text, in order."""
    forms = {form for term in terms for form in term.forms}
    runs = ["".join(term.cjk[:1]) + "".join(bigram[1:] for bigram in term.cjk[1:]) for term in terms if term.cjk]
    for match in WORD.finditer(text, 0, min(len(text), SCAN_LIMIT)):
        if stop_after is not None and match.start() > stop_after:
            return
        word = match.group()
        if runs and CJK_RUN.search(word):
            folded = fold(word)
            for run in runs:
                position = folded.find(run)
                while position >= 0:
                    if len(folded) == len(word):
                        yield match.start() + position, match.start() + position + len(run)
                    else:
                        yield match.start(), match.end()
                    position = folded.find(run, position + len(run))
        elif forms and _word_matches(word, language, forms):
            yield match.start(), match.end()


def snippet(text: str, terms: list[QueryTerm], language: str = "", width: int = WIDTH) -> list[Segment]:
    """A window of ``text`` around its first match, with every match inside it marked."""
    text = " ".join(text.split())
    first = next(_spans(text, terms, language), None)
    start = 0 if first is None else max(0, first[0] - LEAD)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first[0] else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > (first[1] if first else start) else end
    segments, cursor = [], start
    if start:
        segments.append(Segment("… ", False))
    for span_start, span_end in _spans(text[:end], terms, language):
        if span_start < cursor:
            continue
        if span_start > cursor:
            segments.append(Segment(text[cursor:span_start], False))
        segments.append(Segment(text[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        segments.append(Segment(text[cursor:end], False))
    if end < len(text):
        segments.append(Segment(" …", False))
    return segments
