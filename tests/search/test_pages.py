"""The public search page and /api/v1/search: the same search, for people and for programs."""

import pytest

from tashawur.responses.services import publish_response
from tests.opendata_world import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic(consultation, secretariat):
    response = submit(consultation, answers=("نرى أن مسؤولية الدولة هي ضمان النفاذ إلى الإنترنت.",))
    return publish_response(actor=secretariat, response=response)


def test_the_page_shows_marked_snippets_with_their_language_and_direction(client, arabic):
    page = client.get("/search/", {"q": "الانترنت"}).content.decode()
    assert '<p class="search-hit__snippet" lang="ar" dir="rtl">' in page
    assert "<mark>الإنترنت</mark>" in page
    assert f'href="/consultations/development-aspects/responses/{arabic.receipt_number}/"' in page


def test_the_page_offers_facets_as_links_and_keeps_them_in_its_form(client, arabic, consultation):
    page = client.get("/search/", {"q": "الانترنت", "language": "ar"}).content.decode()
    assert 'aria-current="true"' in page and '<input type="hidden" name="language" value="ar">' in page
    assert "Civil society" in page


def test_the_page_is_translated(client, arabic):
    page = client.get("/search/", {"q": "الانترنت"}, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in page


def test_user_text_is_escaped_in_snippets(client, consultation, secretariat):
    response = submit(consultation, answers=("<script>alert('x')</script> broadband",))
    publish_response(actor=secretariat, response=response)
    page = client.get("/search/", {"q": "broadband"}).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_the_api_search_has_hits_snippets_and_facets(api, arabic):
    body = api.get("/api/v1/search/", {"q": "الانترنت"}).json()
    (hit,) = body["results"]
    assert (hit["language"], hit["direction"], hit["receipt_number"]) == ("ar", "rtl", arabic.receipt_number)
    assert "<mark>الإنترنت</mark>" in hit["snippet_html"] and "<mark>" not in hit["snippet"]
    assert body["facets"]["language"] == [{"value": "ar", "count": 1}]
    assert api.get("/api/v1/search", {"q": "الانترنت"}).json()["total"] == 1  # without the slash too
