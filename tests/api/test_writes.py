"""Writing through the API takes a token and goes through the same services as the web form."""

import base64
import datetime as dt

import pytest
import time_machine

from tashawur.api.models import ApiToken
from tashawur.api.services import issue_api_token, revoke_api_token
from tashawur.responses.models import AuditEvent, Response
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DURING = dt.datetime(2016, 12, 1, 12, tzinfo=dt.UTC)


@pytest.fixture
def robot_token(db):
    _token, secret = issue_api_token(user=UserFactory(username="civil-society-platform"), name="platform")
    return secret


def payload(consultation, **changes):
    first = consultation.topic.questions.get(position=1)
    values = {
        "consultation": consultation.slug,
        "answers": [{"question": first.pk, "text": "Community networks deserve spectrum."}],
        "author_name": "Lina Farouk", "author_email": "lina@example.org", "country": "eg",
        "stakeholder_group": "civil_society", "publication": "named",
    }
    values.update(changes)
    return values


def post(api, url, data, token=None, **headers):
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return api.post(url, data, format="json", **headers)


@time_machine.travel(DURING, tick=False)
def test_a_token_holder_submits_a_response_that_waits_for_moderation(api, consultation, robot_token):
    response = post(api, "/api/v1/responses/", payload(consultation), robot_token)

    assert response.status_code == 201
    body = response.json()
    stored = Response.objects.get(receipt_number=body["receipt_number"])
    assert (body["status"], stored.channel, stored.country, stored.author_email) == ("received", "api", "EG",
                                                                                     "lina@example.org")
    assert AuditEvent.objects.filter(response=stored, action="received").exists()
    assert api.get(f"/api/v1/responses/{stored.receipt_number}/").status_code == 404  # not published yet


@time_machine.travel(DURING, tick=False)
def test_the_same_idempotency_key_returns_the_first_response(api, consultation, robot_token):
    first = post(api, "/api/v1/responses/", payload(consultation), robot_token, HTTP_IDEMPOTENCY_KEY="abc-1")
    again = post(api, "/api/v1/responses/", payload(consultation), robot_token, HTTP_IDEMPOTENCY_KEY="abc-1")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["receipt_number"] == first.json()["receipt_number"]
    assert Response.objects.count() == 1


@time_machine.travel(DURING, tick=False)
def test_an_attachment_is_sent_in_base64_and_checked_like_any_other(api, consultation, robot_token):
    text = base64.b64encode("Position paper".encode()).decode()
    created = post(api, "/api/v1/responses/", payload(
        consultation, attachments=[{"filename": "paper.txt", "content_base64": text}]), robot_token)
    program = base64.b64encode(b"MZ\x90\x00").decode()
    refused = post(api, "/api/v1/responses/", payload(
        consultation, attachments=[{"filename": "run.exe", "content_base64": program}]), robot_token)

    assert created.status_code == 201
    stored = Response.objects.get(receipt_number=created.json()["receipt_number"])
    assert stored.attachments.get().filename == "paper.txt"
    assert refused.status_code == 422 and refused.json()["type"].endswith("/api/v1/problems/attachment_refused/")


def test_writing_without_a_token_is_a_401_problem(api, consultation):
    response = post(api, "/api/v1/responses/", payload(consultation))
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["title"] == "Authentication required"


def test_a_revoked_token_authenticates_nothing(api, consultation):
    token, secret = issue_api_token(user=UserFactory(), name="old")
    revoke_api_token(token=token)
    assert post(api, "/api/v1/responses/", payload(consultation), secret).status_code == 401
    assert ApiToken.objects.get().revoked_at is not None


@time_machine.travel(dt.datetime(2017, 1, 10, 9, tzinfo=dt.UTC), tick=False)
def test_a_late_response_is_refused_with_the_deadline_stated(api, consultation, robot_token):
    response = post(api, "/api/v1/responses/", payload(consultation), robot_token)

    problem = response.json()
    assert response.status_code == 409 and response["Content-Type"] == "application/problem+json"
    assert problem["type"].endswith("/problems/submission_closed/") and "2017-01-04" in problem["detail"]
    assert api.get(problem["type"]).json()["status"] == 409


@time_machine.travel(DURING, tick=False)
def test_invalid_bodies_are_400_problems_naming_the_fields(api, consultation, robot_token):
    response = post(api, "/api/v1/responses/", payload(consultation, author_email="not-an-address",
                                                       answers=[{"question": 1, "text": 42}]), robot_token)
    problem = response.json()
    assert response.status_code == 400 and set(problem) >= {"type", "title", "status", "detail", "instance", "errors"}
    assert set(problem["errors"]) == {"author_email", "answers"} and problem["instance"] == "/api/v1/responses/"


def test_the_secretariat_publishes_and_rejects_through_the_api(api, world, secretariat_token):
    received = world["received"]
    published = post(api, f"/api/v1/responses/{received.receipt_number}/publish/", {}, secretariat_token)
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert api.get(f"/api/v1/responses/{received.receipt_number}/").status_code == 200

    rejected = post(api, f"/api/v1/responses/{received.receipt_number}/reject/", {"reason": "off_topic"},
                    secretariat_token)
    assert rejected.json() == {"receipt_number": received.receipt_number, "status": "rejected",
                               "rejection_reason": "off_topic", "published_at": rejected.json()["published_at"]}
    assert api.get(f"/api/v1/responses/{received.receipt_number}/").status_code == 404
    again = post(api, f"/api/v1/responses/{received.receipt_number}/reject/", {"reason": "spam"}, secretariat_token)
    assert again.status_code == 409 and again.json()["type"].endswith("/problems/invalid_transition/")


def test_someone_else_cannot_moderate(api, world, robot_token):
    response = post(api, f"/api/v1/responses/{world['received'].receipt_number}/publish/", {}, robot_token)
    assert response.status_code == 404
    assert Response.objects.get(pk=world["received"].pk).status == "received"
