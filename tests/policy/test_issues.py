"""Issues of public policy: the taxonomy from seed 001, and each issue's page gathering everything on it."""

import datetime as dt

import pytest

from tashawur.core.languages import CONTENT_LANGUAGES
from tashawur.policy.models import ConsultationIssue, PolicyIssue, ResponseIssue
from tashawur.policy.services import tag_response
from tashawur.positions.models import PositionStatement
from tashawur.repository.models import EntryStatus
from tashawur.responses.models import Response
from tests.factories import ConsultationFactory, UserFactory, WorkingGroupFactory, member_state, role
from tests.policy.builders import entry, issue

pytestmark = pytest.mark.django_db


def test_the_demo_taxonomy_names_every_issue_in_the_six_languages(memory_demo):
    slugs = set(PolicyIssue.objects.values_list("slug", flat=True))
    assert {"multilingualism", "cybersecurity", "privacy-data-protection", "spam", "freedom-of-expression",
            "e-commerce-consumer-protection", "e-government", "international-connectivity-costs",
            "capacity-building", "critical-internet-resources", "affordability",
            "reliability-quality-of-service"} <= slugs
    for item in PolicyIssue.objects.all():
        assert set(item.name) == set(CONTENT_LANGUAGES), item.slug
        assert item.groups.filter(code="CWG-Internet").exists()
    assert ConsultationIssue.objects.filter(consultation__slug="development-aspects-internet").count() == 4


def _response(consultation, number, **fields):
    return Response.objects.create(consultation=consultation, receipt_number=number, channel="web",
                                   received_at=dt.datetime(2016, 5, 1, tzinfo=dt.UTC), **fields)


@pytest.fixture
def gathered():
    group = WorkingGroupFactory(code="CWG-Internet", members=["KE"])
    subject = issue("affordability", groups=[group])
    consultation = ConsultationFactory(group=group, topic__title={"en": "Development aspects of the Internet"})
    ConsultationIssue.objects.create(consultation=consultation, issue=subject)
    secretariat = UserFactory(username="secretariat")
    role(secretariat, group, "secretariat")
    published = _response(consultation, "R-PUBL-0001", status="published", organisation="Open Access Org")
    group_only = _response(consultation, "R-GRUP-0001", status="published", publication="group_only", organisation="Hidden Org")
    received = _response(consultation, "R-RECV-0001", status="received", organisation="Unread Org")
    for response in (published, group_only, received):
        tag_response(actor=secretariat, response=response, issues=[subject])
    entry(group, issues=[subject], title="Universal service fund")
    entry(group, issues=[subject], title="Unmoderated entry", status=EntryStatus.RECEIVED)
    PositionStatement.objects.create(member_state=member_state("KE"), issue=subject, text="Kenya's position.",
                                     language="en", stated_on=dt.date(2017, 2, 6))
    return subject


def test_the_issue_page_gathers_public_content_only(gathered, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        page = client.get("/issues/affordability/")
    html = page.content.decode()
    assert "Development aspects of the Internet" in html
    assert "Open Access Org" in html and "Hidden Org" not in html and "Unread Org" not in html
    assert "Universal service fund" in html and "Unmoderated entry" not in html
    assert "Kenya" in html and "Kenya&#x27;s position." in html and 'href="/positions/KE/issues/affordability/"' in html
    assert ResponseIssue.objects.count() == 3


def test_the_issue_list_counts_what_each_issue_holds(gathered, client):
    listed = client.get("/issues/").context["issues"].get(slug="affordability")
    assert (listed.consultation_count, listed.response_count, listed.entry_count, listed.position_count) == (1, 1, 1, 1)


def test_only_the_secretariat_tags_responses(gathered):
    from tashawur.core.errors import NotAllowed

    with pytest.raises(NotAllowed):
        tag_response(actor=UserFactory(username="someone"), response=Response.objects.first(), issues=[])


def test_an_issue_page_in_arabic_marks_the_language_of_each_text(gathered, client):
    html = client.get("/issues/affordability/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<h1 lang="ar" dir="rtl">قضية affordability</h1>' in html
