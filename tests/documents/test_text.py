"""Text helpers: direction, script runs for Word, and the key that finds form letters."""

from tashawur.documents.text import direction, normalised, script_runs


def test_direction_follows_the_first_strong_character_then_the_language():
    assert direction("2017 هو العام") == "rtl"
    assert direction("ISOC قال") == "ltr"
    assert direction("2017", "ar") == "rtl" and direction("2017", "en") == "ltr"


def test_latin_names_and_numbers_in_arabic_get_their_own_runs_in_logical_order():
    assert script_runs("قال John Smith في 2017.") == [("قال ", True), ("John Smith ", False), ("في ", True), ("2017.", False)]


def test_copies_of_a_form_letter_that_differ_only_in_typing_have_the_same_key():
    assert normalised("Keep  the Internet OPEN ") == normalised("keep the internet open")
    assert normalised("الإنترنـــت مفتوحٌ") == normalised("الإنترنت مفتوح")
    assert normalised("Keep the Internet open!") != normalised("Keep the Internet closed!")
