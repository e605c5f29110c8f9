"""Search across consultations, questions, responses and attachments, on SQLite (FTS5) and PostgreSQL.

The same tests run on both databases (CI runs the suite twice): Arabic matched
across hamza, taa marbuta, alef maqsura and diacritics; Chinese found inside a
sentence; English and Russian across inflections.
"""

import pytest
from django.core.management import call_command

from tashawur.responses.services import publish_response, redact_response, reject_response
from tashawur.search.indexing import reindex_response
from tashawur.search.models import SearchDocument
from tashawur.search.selectors import SearchFilters, search
from tests.opendata_world import build_consultation, submit

pytestmark = pytest.mark.django_db

ARABIC = "نرى أن مسؤولية الدولة هي ضمان النفاذ إلى الإنترنت في المناطق الريفية وعلى مستوى التَّنْمِيَة المحلية."
CHINESE = "我们认为中国的互联网发展需要更多的基础设施投资。"
RUSSIAN = "Развитие интернета в сельских районах требует инвестиций."
ENGLISH = "Community networks connected the rural villages of the region."


@pytest.fixture
def published(consultation, secretariat):
    def publish(text, **fields):
        response = submit(consultation, answers=(text,), **fields)
        return publish_response(actor=secretariat, response=response)

    return publish


def found(query, **filters) -> set[str]:
    return {hit.receipt_number for hit in search(query, filters=SearchFilters(**filters)).hits if hit.receipt_number}


@pytest.mark.parametrize(
    "query",
    [
        "مسوولية",  # ؤ written as و
        "الانترنت",  # إ written as ا
        "الريفيه",  # ة written as ه
        "مستوي",  # ى written as ي
        "التنمية",  # without the harakat of the text
        "الدَّوْلَة",  # with harakat the text does not have
        "النفاذ الإنترنت",  # two words, both must match
    ],
)
def test_arabic_is_found_across_hamza_taa_marbuta_alef_maqsura_and_diacritics(published, query):
    response = published(ARABIC)
    assert found(query) == {response.receipt_number}


def test_chinese_is_found_inside_a_sentence_without_spaces(published):
    response = published(CHINESE)
    assert found("互联网") == found("基础设施") == {response.receipt_number}
    assert found("网") == {response.receipt_number}  # one character
    assert found("网联互") == set()  # the characters, not in that order


def test_english_is_found_across_inflections(published):
    response = published(ENGLISH)
    assert found("connecting network") == found("Villages") == {response.receipt_number}
    assert found("connecting satellites") == set()


def test_russian_is_found_across_inflections(published):
    response = published(RUSSIAN)
    assert response.language == "ru"
    assert found("интернет") == found("инвестиции") == {response.receipt_number}


def test_questions_and_consultations_are_found_in_each_language(consultation):
    hits = search("السؤال").hits
    assert {hit.kind for hit in hits} == {"question"} and {hit.language for hit in hits} == {"ar"}
    titles = search("development aspects").hits
    assert titles[0].kind == "consultation" and titles[0].url == f"/consultations/{consultation.slug}/"


def test_attachment_text_is_found_and_withheld_files_are_not(world):
    assert {hit.kind for hit in search("villages").hits} == {"attachment"}
    assert search("curriculum").hits == []


def test_snippets_mark_the_matches_in_the_original_text(published):
    published(ARABIC)
    (hit,) = search("الانترنت").hits
    assert [segment.text for segment in hit.snippet if segment.matched] == ["الإنترنت"]
    assert hit.language == "ar"


def test_facets_count_the_hits_and_filters_narrow_them(published, consultation, secretariat):
    first = published("Spectrum for community networks.", stakeholder_group="civil_society")
    second = published("Spectrum auctions fund the state.", stakeholder_group="government", country="EG")
    results = search("spectrum")
    facets = {name: {value.value: value.count for value in values} for name, values in results.facets.items()}

    assert facets["stakeholder_group"] == {"civil_society": 1, "government": 1}
    assert facets["kind"] == {"response": 2} and facets["channel"] == {"web": 2} and facets["year"] == {"2016": 2}
    assert facets["consultation"] == {consultation.slug: 2} and facets["language"] == {"en": 2}
    assert found("spectrum", stakeholder_group="government") == {second.receipt_number}
    assert found("spectrum", year=2016, group=consultation.group.code) == {first.receipt_number, second.receipt_number}
    assert found("spectrum", year=2015) == set()


def test_the_index_follows_moderation(published, secretariat, consultation):
    response = published("Interconnection costs burden small countries.")
    assert found("interconnection") == {response.receipt_number}

    redact_response(actor=secretariat, response=response, reason="personal data",
                    answers={response.answers.get().pk: "Costs burden small countries."})
    assert found("interconnection") == set() and found("burden") == {response.receipt_number}

    reject_response(actor=secretariat, response=response, reason="off_topic")
    assert found("burden") == set()


def test_group_only_anonymous_and_unpublished_texts_are_never_indexed(world):
    assert found("spectrum") == {world["anonymous"].receipt_number}
    assert found("hidden") == found("unpublished") == set()
    assert not SearchDocument.objects.filter(response__in=[world["group_only"], world["received"]]).exists()


def test_rebuilding_the_index_gives_the_same_results(world):
    before = found("spectrum")
    SearchDocument.objects.all().delete()
    assert found("spectrum") == set()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    assert found("spectrum") == before


def test_results_are_ranked_and_paginated(consultation, secretariat):
    for number in range(25):
        publish_response(actor=secretariat, response=submit(consultation, answers=(f"Capacity building {number}.",)))
    first, second = search("capacity", page_size=20), search("capacity", page=2, page_size=20)
    assert (first.total, len(first.hits), len(second.hits), first.has_next, second.has_next) == (25, 20, 5, True, False)
    assert all(hit.rank >= later.rank for hit, later in zip(first.hits, first.hits[1:]))


def test_a_search_makes_a_fixed_number_of_queries(consultation, secretariat, django_assert_max_num_queries):
    for number in range(10):
        publish_response(actor=secretariat, response=submit(consultation, answers=(f"Cybersecurity {number}.",)))
    build_consultation(slug="other", title={"en": "Cybersecurity"})
    with django_assert_max_num_queries(12):
        assert search("cybersecurity").total == 11


def test_an_empty_or_punctuation_query_finds_nothing(world):
    assert search("").total == search("?!.,").total == 0


def test_reindexing_a_missing_response_removes_nothing_else(world):
    assert reindex_response(10**9) == 0
    assert found("spectrum") == {world["anonymous"].receipt_number}
