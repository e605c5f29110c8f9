"""Contributions to the repository are moderated like responses, with the same audit log (Res. 1336 rule 9)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tashawur.core.errors import NotAllowed
from tashawur.repository import services
from tashawur.repository.errors import InvalidTransition
from tashawur.repository.models import EntryEvent, EntrySource, EntryStatus, RepositoryEntry
from tashawur.responses.models import ModerationAction
from tests.factories import UserFactory, WorkingGroupFactory, role
from tests.policy.builders import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return WorkingGroupFactory(code="CWG-Internet", members=["KE"])


@pytest.fixture
def secretariat(group):
    user = UserFactory(username="secretariat")
    role(user, group, "secretariat")
    return user


def _form(group, subject, **changes):
    data = {
        "group": group.pk, "title": "Community networks in rural areas", "summary": "A licence-exempt regime.",
        "language": "en", "issues": [subject.pk], "country": "KE", "region": "", "year": "2016",
        "organisation": "Example association", "stakeholder_group": "civil_society", "links": "https://example.org/cn Description",
        "contributor_name": "Amina", "contributor_email": "amina@example.org",
        "form_token": "3f2b8c1e-6a55-4b59-9d7e-0c4d1a2b3c4d", "comments": "",
    }
    data.update(changes)
    return data


def test_a_stakeholder_contribution_waits_for_moderation_then_is_published_with_an_audit_trail(client, group, secretariat):
    subject = issue("internet-access")
    response = client.post("/repository/contribute/", _form(group, subject))
    assert response.status_code == 200 and "has been received" in response.content.decode()
    entry = RepositoryEntry.objects.get()
    assert (entry.status, entry.source, entry.contributor_email) == (EntryStatus.RECEIVED, EntrySource.STAKEHOLDER, "amina@example.org")
    assert [(link.url, link.label) for link in entry.links.all()] == [("https://example.org/cn", "Description")]
    assert client.get(f"/repository/{entry.pk}/").status_code == 404
    assert "Community networks" not in client.get("/repository/").content.decode()

    services.publish_entry(actor=secretariat, entry=entry)
    page = client.get(f"/repository/{entry.pk}/").content.decode()
    assert "Community networks in rural areas" in page and "amina@example.org" not in page

    services.reject_entry(actor=secretariat, entry=entry, reason="off_topic", note="Not about public policy.")
    entry.refresh_from_db()
    assert (entry.status, entry.rejection_reason) == (EntryStatus.REJECTED, "off_topic")
    log = list(EntryEvent.objects.filter(entry=entry).values_list("action", "actor__username", "reason", "details"))
    assert log == [
        (ModerationAction.RECEIVED, None, "", {"source": "stakeholder"}),
        (ModerationAction.PUBLISHED, "secretariat", "", {}),
        (ModerationAction.REJECTED, "secretariat", "off_topic", {"note": "Not about public policy."}),
    ]
    assert client.get(f"/repository/{entry.pk}/").status_code == 404


def test_the_same_form_sent_twice_is_stored_once(client, group):
    subject = issue("internet-access")
    client.post("/repository/contribute/", _form(group, subject))
    again = client.post("/repository/contribute/", _form(group, subject))
    assert "already received" in again.content.decode()
    assert RepositoryEntry.objects.count() == 1


def test_only_the_groups_secretariat_moderates(group):
    entry, _created = services.contribute_entry(contribution=services.Contribution(
        group=group, title="T", summary="S", year=2016, issues=[issue("spam")], language="en"))
    outsider = UserFactory(username="outsider")
    role(outsider, WorkingGroupFactory(code="CWG-Other"), "secretariat")
    delegate = UserFactory(username="delegate")
    role(delegate, group, "delegate", "KE")
    for user in (outsider, delegate, None):
        with pytest.raises(NotAllowed):
            services.publish_entry(actor=user, entry=entry)
    assert EntryEvent.objects.filter(entry=entry).count() == 1


def test_moderation_steps_follow_the_status(group, secretariat):
    entry, _created = services.contribute_entry(contribution=services.Contribution(
        group=group, title="T", summary="S", year=2016, issues=[issue("spam")], language="en"))
    with pytest.raises(InvalidTransition):
        services.restore_entry(actor=secretariat, entry=entry)
    services.reject_entry(actor=secretariat, entry=entry, reason="spam")
    services.restore_entry(actor=secretariat, entry=entry)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.RECEIVED and entry.rejection_reason == ""


def test_an_entry_added_by_the_secretariat_is_published_at_once_and_may_come_from_a_response(group, secretariat):
    from tests.factories import ConsultationFactory
    from tashawur.responses.models import Response

    consultation = ConsultationFactory(group=group)
    response = Response.objects.create(consultation=consultation, receipt_number="R-TEST-0001", channel="web",
                                       received_at=dt.datetime(2016, 5, 1, tzinfo=dt.UTC))
    entry = services.add_entry(actor=secretariat, contribution=services.Contribution(
        group=group, title="From a response", summary="S", year=2016, issues=[issue("spam")], language="en",
        response=response))
    assert (entry.status, entry.source, entry.response) == (EntryStatus.PUBLISHED, EntrySource.SECRETARIAT, response)
    assert list(entry.audit_events.values_list("action", flat=True)) == [ModerationAction.RECEIVED, ModerationAction.PUBLISHED]
    assert entry.audit_events.first().details == {"source": "secretariat", "response": "R-TEST-0001"}


def test_audit_events_are_append_only(group):
    entry, _created = services.contribute_entry(contribution=services.Contribution(
        group=group, title="T", summary="S", year=2016, issues=[issue("spam")], language="en"))
    event = entry.audit_events.get()
    event.reason = "rewritten"
    with pytest.raises(ValueError):
        event.save()


def test_files_are_judged_by_their_content(client, group):
    subject = issue("internet-access")
    program = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 a Windows program", content_type="application/pdf")
    refused = client.post("/repository/contribute/", {**_form(group, subject), "files": [program]})
    assert refused.status_code == 400 and "could run code" in refused.content.decode()
    text = SimpleUploadedFile("notes.txt", "Expérience détaillée.".encode(), content_type="text/plain")
    accepted = client.post("/repository/contribute/", {**_form(group, subject), "files": [text]})
    assert accepted.status_code == 200
    stored = RepositoryEntry.objects.get().files.get()
    assert (stored.content_type, stored.extracted_text) == ("text/plain", "Expérience détaillée.")


def test_a_country_and_a_region_together_are_refused(client, group):
    response = client.post("/repository/contribute/", _form(group, issue("spam"), region="002"))
    assert response.status_code == 400 and "not both" in response.content.decode()
    assert not RepositoryEntry.objects.exists()
