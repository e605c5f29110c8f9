"""Reading through the API: public, paginated by cursor, filtered, and in a fixed number of queries."""

import datetime as dt

import pytest

from tashawur.consultations.models import Consultation
from tests.factories import UserFactory
from tests.opendata_world import build_consultation, submit

pytestmark = pytest.mark.django_db


def test_the_index_names_every_resource_and_the_documentation(api):
    links = api.get("/api/v1/").json()
    assert links["consultations"].endswith("/api/v1/consultations/")
    assert links["schema"].endswith("/api/v1/schema/") and links["documentation"].endswith("/api/v1/docs/")


def test_groups_carry_their_rule_settings_members_and_feeds(api, demo):
    body = api.get("/api/v1/groups/CWG-Internet/").json()
    assert body["name"]["ar"].startswith("فريق العمل")
    assert body["rules"] == {"launch_within_days": 15, "response_deadline_days_before": 30, "report_days_before": 15,
                             "physical_meeting_window_days": 3, "proposals_per_state": 1}
    assert len(body["members"]) == 193 and "SA" in body["members"]
    assert body["links"]["icalendar"].endswith("/opendata/groups/CWG-Internet/calendar.ics")


def test_member_states_have_their_names_in_the_six_languages(api, demo):
    body = api.get("/api/v1/member-states/EG/").json()
    assert body["alpha3"] == "EGY" and body["names"]["ar"] == "مصر" and body["names"]["zh"] == "埃及"


def test_the_member_state_list_is_paginated_by_cursor(api, demo):
    first = api.get("/api/v1/member-states/", {"page_size": 100}).json()
    second = api.get(first["next"]).json()
    assert len(first["results"]) == 100 and len(second["results"]) == 93 and second["next"] is None
    assert first["results"][0]["code"] == "AD" and second["previous"]


def test_decisions_show_the_candidates_referred_to_council_with_their_questions(api, demo):
    body = api.get("/api/v1/decisions/", {"group": "CWG-Internet"}).json()
    referred = [decision for decision in body["results"] if decision["referred_to_council"]]
    titles = [topic["title"]["en"] for topic in referred[0]["topics"]]
    assert "Bridging the gender digital divide" in titles
    assert all(len(topic["questions"]) == 5 for topic in referred[0]["topics"])


def test_meetings_and_cycles_are_listed_by_group(api, demo):
    meetings = api.get("/api/v1/meetings/", {"group": "CWG-Internet", "kind": "group"}).json()["results"]
    assert [meeting["number"] for meeting in meetings][:2] == [8, 9]
    cycles = api.get("/api/v1/cycles/", {"group": "CWG-Internet"}).json()["results"]
    assert cycles and cycles[0]["opened_by"]["number"] == 8


def test_a_consultation_has_its_questions_status_timeline_and_findings(api, demo):
    body = api.get("/api/v1/consultations/development-aspects-internet/").json()
    assert body["status"] == "meeting_held"
    assert body["timeline"]["response_deadline"] == "2017-01-04"
    assert [finding["rule"] for finding in body["findings"] if finding["severity"] == "violation"] == [4]
    assert "11 days after" in next(f["text"] for f in body["findings"] if f["rule"] == 4)
    assert body["topic"]["title"]["en"] == "Development aspects of the Internet"
    assert body["links"]["exports"]["csv"].endswith("/opendata/consultations/development-aspects-internet/export.csv")


def test_a_consultation_lists_its_questions_in_order_in_every_language(api, consultation):
    questions = api.get("/api/v1/consultations/development-aspects/").json()["topic"]["questions"]
    assert [(question["position"], question["text"]["ar"]) for question in questions] == [
        (1, "السؤال 1؟"), (2, "السؤال 2؟"), (3, "السؤال 3؟")]


def test_finding_texts_follow_the_requested_language(api, demo):
    body = api.get("/api/v1/consultations/development-aspects-internet/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert any(finding["text"].startswith("Règle 4") for finding in body["findings"])


def test_responses_are_filtered_by_the_fields_people_ask_for(api, world, consultation, secretariat):
    from tashawur.responses.services import publish_response

    late = submit(consultation, answers=("Later view.",), country="EG", stakeholder_group="government",
                  received_at=dt.datetime(2016, 12, 20, 9, tzinfo=dt.UTC), author_name="Omar")
    publish_response(actor=secretariat, response=late)
    elsewhere = submit(build_consultation(slug="another"), answers=("Elsewhere.",))
    publish_response(actor=UserFactory(username="root", is_superuser=True), response=elsewhere)

    def receipts(**params):
        return {item["receipt_number"] for item in api.get("/api/v1/responses/", params).json()["results"]}

    assert receipts(consultation="development-aspects") == {
        world["named"].receipt_number, world["anonymous"].receipt_number, late.receipt_number}
    assert receipts(country="eg") == receipts(stakeholder_group="government") == {late.receipt_number}
    assert receipts(received_after="2016-12-10") == {late.receipt_number}
    assert late.receipt_number not in receipts(received_before="2016-12-10")
    assert receipts(group=consultation.group.code, channel="email") == set()
    assert receipts(language="en") >= {world["named"].receipt_number}
    assert receipts(consultation="another") == {elsewhere.receipt_number}


def test_an_unknown_filter_value_is_a_problem_not_an_empty_list(api, world):
    response = api.get("/api/v1/responses/", {"channel": "pigeon"})
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert "channel" in response.json()["errors"]


def test_a_response_has_its_answers_and_public_files_only(api, world):
    body = api.get(f"/api/v1/responses/{world['named'].receipt_number}/").json()
    assert [answer["position"] for answer in body["answers"]] == [1, 3]
    assert [attachment["filename"] for attachment in body["attachments"]] == ["position.txt"]
    assert body["attachments"][0]["url"].endswith("/position.txt") and len(body["attachments"][0]["sha256"]) == 64
    assert body["author_name"] == "Amina Haddad" and "author_email" not in body


def test_statistics_count_by_stakeholder_group_and_channel(api, world):
    body = api.get("/api/v1/consultations/development-aspects/statistics/").json()
    assert body["total"] == 3 and body["public"] == 2  # the group-only response is counted, never shown
    assert body["by_channel"]["web"] == 3
    civil = next(row for row in body["rows"] if row["stakeholder_group"] == "civil_society")
    assert civil["total"] == 3 and civil["label"] == "Civil society"


def test_lists_make_a_fixed_number_of_queries(api, world, consultation, secretariat, django_assert_max_num_queries):
    from tashawur.responses.services import publish_response

    for number in range(5):
        publish_response(actor=secretariat, response=submit(
            consultation, answers=(f"Answer {number}.",), attachments=[(f"f{number}.txt", b"Some text here.")]))
    build_consultation(slug="second")
    for url in ("/api/v1/responses/", "/api/v1/consultations/", "/api/v1/groups/", "/api/v1/decisions/",
                "/api/v1/cycles/", "/api/v1/meetings/"):
        with django_assert_max_num_queries(6):
            assert api.get(url).status_code == 200
    assert Consultation.objects.count() == 2
