"""HTTP behaviour of the API: conditional GET, CORS, rate limits, and errors as RFC 9457 problems."""

import pytest
from django.core.cache import cache

from tashawur.api import views

pytestmark = pytest.mark.django_db
PROBLEM_MEMBERS = {"type", "title", "status", "detail", "instance"}


def test_a_get_has_an_etag_and_the_same_etag_gives_304(api, world):
    first = api.get("/api/v1/consultations/development-aspects/")
    assert first.status_code == 200 and first["ETag"] and "no-cache" in first["Cache-Control"]

    again = api.get("/api/v1/consultations/development-aspects/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]


def test_the_etag_changes_when_the_data_does(api, world, secretariat):
    from tashawur.responses.services import publish_response

    before = api.get("/api/v1/responses/")["ETag"]
    publish_response(actor=secretariat, response=world["received"])
    after = api.get("/api/v1/responses/", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before


def test_reads_are_open_to_any_origin_without_credentials(api, world):
    response = api.get("/api/v1/groups/", HTTP_ORIGIN="https://tracker.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_cross_origin_write_is_not_offered(api, world):
    preflight = api.options(
        "/api/v1/responses/", HTTP_ORIGIN="https://tracker.example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")


def test_too_many_requests_are_refused_with_429_and_retry_after(api, world, settings):
    settings.API_RATE_LIMITS = {**settings.API_RATE_LIMITS, "anonymous": "3/min"}
    cache.clear()
    statuses = [api.get("/api/v1/groups/").status_code for _ in range(4)]

    refused = api.get("/api/v1/groups/")
    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["title"] == "Too many requests"


def test_a_token_has_its_own_budget(api, world, settings, secretariat_token):
    settings.API_RATE_LIMITS = {**settings.API_RATE_LIMITS, "anonymous": "1/min"}
    cache.clear()
    api.get("/api/v1/groups/")
    assert api.get("/api/v1/groups/").status_code == 429
    assert api.get("/api/v1/groups/", HTTP_AUTHORIZATION=f"Bearer {secretariat_token}").status_code == 200


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/v1/no-such-thing/", 404),
        ("get", "/api/v1/consultations/no-such-consultation/", 404),
        ("get", "/api/v1/responses/?cursor=garbage", 400),
        ("delete", "/api/v1/groups/", 405),
        ("get", "/api/v1/search/?page=0", 400),
    ],
)
def test_errors_are_problem_details(api, world, method, url, status):
    response = getattr(api, method)(url)
    problem = response.json()
    assert response.status_code == status and response["Content-Type"] == "application/problem+json"
    assert PROBLEM_MEMBERS <= set(problem) and problem["status"] == status
    assert problem["instance"] == url


def test_a_crash_under_api_is_a_500_problem(api, world, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.WorkingGroupViewSet, "list", crash)
    api.raise_request_exception = False
    response = api.get("/api/v1/groups/")
    assert response.status_code == 500 and response["Content-Type"] == "application/problem+json"
    assert PROBLEM_MEMBERS <= set(response.json()) and "boom" not in response.content.decode()


def test_pages_outside_the_api_keep_their_html_errors(client, world):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


def test_the_schema_and_its_documentation_are_served_without_a_cdn(api):
    schema = api.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200 and schema.json()["openapi"].startswith("3.")
    assert "/api/v1/responses/" in schema.json()["paths"]
    page = api.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page and "cdn" not in page.lower()
