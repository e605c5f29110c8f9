"""The folding of text for matching: the same on both sides of the match, on every database."""

import pytest

from tashawur.search.text import fold, index_terms, parse_query, stem_terms


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("أمن", "امن"), ("إنترنت", "انترنت"), ("آفاق", "افاق"), ("ٱلحق", "الحق"),  # alef variants
        ("مسؤولية", "مسووليه"), ("بيئة", "بييه"), ("مستوى", "مستوي"), ("التنمية", "التنميه"),  # hamza, yaa, taa
        ("التَّنْمِيَةُ", "التنميه"), ("التنـــمية", "التنميه"),  # harakat, tatweel
        ("Développement", "developpement"), ("ÉCOLE", "ecole"), ("Straße", "strasse"),
        ("Новый", "новый"), ("ёлка", "ёлка"),  # Cyrillic keeps й and ё for the stemmers
        ("ＡＢＣ１２３", "abc123"),  # full-width forms
    ],
)
def test_text_is_folded_for_matching(written, folded):
    assert fold(written) == folded


def test_chinese_is_indexed_as_overlapping_bigrams_and_queried_as_their_phrase():
    assert index_terms("中国的互联网发展") == "中国 国的 的互 互联 联网 网发 发展 展"
    (term,) = parse_query("互联网")
    assert term.cjk == ("互联", "联网")


def test_japanese_kana_and_kanji_are_split_from_latin_words():
    assert index_terms("5G網とインターネット") == "5g 網と とイ イン ンタ ター ーネ ネッ ット ト"


def test_words_yield_their_snowball_stems_in_the_language_of_the_text():
    assert stem_terms("Connecting networks", "en") == "connect network"
    assert stem_terms("интернета", "ru") == "интернет"
    assert stem_terms("الإنترنت", "ar") == ""


def test_a_query_word_carries_its_stems_in_the_four_stemmed_languages():
    (term,) = parse_query("Informaciones")
    assert term.word == "informaciones"
    assert "inform" in term.stems  # Spanish
