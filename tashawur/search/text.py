"""How text is prepared for matching, the same way for documents and queries (no Django here).

- Everything is NFKC-normalised and case-folded; Latin letters lose their accents.
- Arabic: harakat (diacritics) and tatweel are removed; alef variants (أ إ آ ٱ) become ا,
  ؤ becomes و, ئ and ى become ي, ة becomes ه.
- Chinese and Japanese are written without spaces: each run of their characters is indexed
  as overlapping bigrams plus its last character, and a query run is matched as the phrase of
  its bigrams, so "互联网" is found inside "中国的互联网发展".
- English, French, Spanish and Russian words also yield their Snowball stems, so a query
  matches simple inflections ("connecting" finds "connected").
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

STEMMED_LANGUAGES = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian"}
MAX_QUERY_TERMS = 16

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")
_ARABIC_FOLDS = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # أ إ آ ٱ -> ا
    "\u0624": "\u0648",  # ؤ -> و
    "\u0626": "\u064a", "\u0649": "\u064a",  # ئ ى -> ي
    "\u0629": "\u0647",  # ة -> ه
})
_LATIN_MARKS = re.compile("(?<=[a-z\u00df-\u024f])[\u0300-\u036f]+")
# A word: letters and digits, with the combining marks that may sit inside it.
WORD = re.compile("[\\w\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u3099\u309a]+")
_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(f"[{_CJK}]+")
_SPLIT_CJK = re.compile(f"([{_CJK}]+)")


def fold(text: str) -> str:
    """The matching form of a text (see the module docstring); CJK characters are kept one for one."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLDS)
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=8)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMED_LANGUAGES[language])


@lru_cache(maxsize=100_000)
def stem(word: str, language: str) -> str:
    """The Snowball stem of a word (given as written), in matching form; the folded word if not stemmed."""
    if language not in STEMMED_LANGUAGES:
        return fold(word)
    lowered = unicodedata.normalize("NFKC", word).casefold()
    return fold(_stemmer(language).stemWord(lowered))


def cjk_terms(run: str) -> list[str]:
    """Overlapping bigrams of a CJK run, then its last character: 互联网 -> 互联 联网 网."""
    return [run[index:index + 2] for index in range(len(run) - 1)] + [run[-1]]


def _pieces(text: str):
    """(piece, is_cjk) for every word of the text, CJK runs split from the rest."""
    for match in WORD.finditer(text):
        for piece in _SPLIT_CJK.split(match.group()):
            if piece:
                yield piece, bool(CJK_RUN.fullmatch(piece))


def index_terms(text: str) -> str:
    """The folded words of a text, CJK as bigrams, separated by spaces: what both engines index."""
    terms = []
    for piece, is_cjk in _pieces(fold(text)):
        terms.extend(cjk_terms(piece) if is_cjk else [piece])
    return " ".join(terms)


def stem_terms(text: str, language: str) -> str:
    """The Snowball stems of the words of a text in its language ("" for other languages)."""
    if language not in STEMMED_LANGUAGES:
        return ""
    return " ".join(stem(piece, language) for piece, is_cjk in _pieces(text) if not is_cjk)


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query, in every form a document may hold it in."""

    word: str  # as folded ("" for a CJK run)
    written: str  # case-folded but with accents, for PostgreSQL's own stemmers
    stems: tuple[str, ...] = ()  # Snowball stems in the four stemmed languages
    cjk: tuple[str, ...] = ()  # the run's bigrams (a phrase), or its single character

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.word, *self.stems))) if self.word else ()


def parse_query(query: str) -> list[QueryTerm]:
    """The terms of a query; every term must match (AND)."""
    terms = []
    for piece, is_cjk in _pieces(query):
        folded = fold(piece)
        if is_cjk:
            terms.append(QueryTerm(word="", written=folded, cjk=tuple(cjk_terms(folded)[:-1] or [folded])))
        else:
            stems = tuple(sorted({stem(piece, language) for language in STEMMED_LANGUAGES} - {folded}))
            terms.append(QueryTerm(word=folded, written=unicodedata.normalize("NFKC", piece).casefold(), stems=stems))
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_QUERY_TERMS]
