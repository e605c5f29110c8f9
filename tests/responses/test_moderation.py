"""Moderation by the secretariat in the admin: every change through a service, every change logged."""

import datetime as dt

import pytest
from django.contrib import admin
from django.urls import reverse

from tashawur.core.errors import NotAllowed
from tashawur.responses.errors import InvalidTransition
from tashawur.responses.models import AuditEvent, Response
from tashawur.responses.services import (
    AnswerInput, Submission, publish_response, reject_response, restore_response, submit_response,
)
from tests.factories import ConsultationFactory, UserFactory, WorkingGroupFactory, role
from tests.responses.response_builders import make_response

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:responses_response_changelist"


@pytest.fixture
def moderator(client, secretariat):
    secretariat.is_staff = True
    secretariat.save()
    client.force_login(secretariat)
    return secretariat


def received(consultation, count=1, **changes):
    return [make_response(consultation, status="received", **changes) for _ in range(count)]


def bulk(client, action, responses, **extra):
    data = {"action": action, "_selected_action": [response.pk for response in responses], **extra}
    return client.post(reverse(CHANGELIST), data, follow=True)


def statuses(responses):
    return [Response.objects.get(pk=response.pk).status for response in responses]


def test_the_state_machine_refuses_what_it_does_not_allow_and_logs_what_it_does(open_consultation, secretariat):
    response = received(open_consultation)[0]

    publish_response(actor=secretariat, response=response)
    with pytest.raises(InvalidTransition):
        publish_response(actor=secretariat, response=response)
    reject_response(actor=secretariat, response=response, reason="duplicate", note="Same as R-AAAA-BBBB")
    restore_response(actor=secretariat, response=response, note="Not a duplicate after all")

    events = list(AuditEvent.objects.filter(response=response).order_by("at", "pk"))
    assert [event.action for event in events] == ["received", "published", "rejected", "restored"]
    assert all(event.actor == secretariat for event in events[1:])  # who
    assert all(event.at is not None for event in events)  # when
    assert (events[2].reason, events[2].details) == ("duplicate", {"note": "Same as R-AAAA-BBBB"})  # what and why
    assert events[3].details == {"note": "Not a duplicate after all"}
    assert Response.objects.get(pk=response.pk).status == "received"


def test_bulk_publish_through_the_admin_publishes_through_the_service(client, moderator, open_consultation):
    responses = received(open_consultation, 3)

    page = bulk(client, "publish_selected", responses, index=0)

    assert page.status_code == 200
    assert "3 responses published." in page.content.decode()
    assert statuses(responses) == ["published"] * 3
    assert AuditEvent.objects.filter(action="published", actor=moderator).count() == 3
    assert all(Response.objects.get(pk=response.pk).published_at for response in responses)


def test_bulk_publish_reports_each_response_it_could_not_publish(client, moderator, open_consultation):
    ready = received(open_consultation)[0]
    unconfirmed = make_response(open_consultation, status="unconfirmed")

    html = bulk(client, "publish_selected", [ready, unconfirmed], index=0).content.decode()

    assert "1 response published." in html
    assert f'<li class="warning">{unconfirmed.receipt_number}: ' in html  # with the service's reason
    assert statuses([ready, unconfirmed]) == ["published", "unconfirmed"]


def test_bulk_reject_asks_for_the_reason_then_rejects_and_keeps_the_responses(client, moderator, open_consultation):
    responses = received(open_consultation, 2, answers=("Buy cheap watches",))

    form = bulk(client, "reject_selected", responses, index=0)
    assert statuses(responses) == ["received", "received"]  # nothing yet: the reason is asked first
    html = form.content.decode()
    assert 'name="reason"' in html and 'value="spam"' in html and 'name="apply"' in html

    done = bulk(client, "reject_selected", responses, apply="Reject", reason="spam", note="Campaign of 2 Dec")

    assert "2 responses rejected." in done.content.decode()
    assert statuses(responses) == ["rejected", "rejected"]
    event = AuditEvent.objects.filter(action="rejected").first()
    assert (event.actor, event.reason, event.details) == (moderator, "spam", {"note": "Campaign of 2 Dec"})
    # Rejected responses stay visible to the secretariat, and only to it.
    changelist = client.get(reverse(CHANGELIST), {"status__exact": "rejected"}).content.decode()
    assert all(response.receipt_number in changelist for response in responses)
    change = client.get(reverse("admin:responses_response_change", args=[responses[0].pk]))
    assert change.status_code == 200 and "Buy cheap watches" in change.content.decode()
    client.logout()
    public = client.get(reverse("consultation-responses", args=[open_consultation.slug])).content.decode()
    assert "Buy cheap watches" not in public


def test_bulk_reject_without_a_reason_asks_again(client, moderator, open_consultation):
    responses = received(open_consultation)

    page = bulk(client, "reject_selected", responses, apply="Reject", reason="")

    assert "This field is required." in page.content.decode()
    assert statuses(responses) == ["received"]


def test_bulk_return_to_the_queue(client, moderator, open_consultation):
    published = make_response(open_consultation)
    rejected = make_response(open_consultation, status="rejected", rejection_reason="off_topic")

    html = bulk(client, "restore_selected", [published, rejected], index=0).content.decode()

    assert "2 responses returned to the queue." in html
    assert statuses([published, rejected]) == ["received", "received"]
    assert Response.objects.get(pk=rejected.pk).rejection_reason == ""
    assert AuditEvent.objects.filter(action="restored", actor=moderator).count() == 2


def test_the_secretariat_of_another_group_cannot_moderate_these_responses(client, open_consultation):
    responses = received(open_consultation, 2)
    other = ConsultationFactory(group=WorkingGroupFactory(code="CWG-WSIS"), slug="wsis")
    their_own = received(other)[0]
    outsider = UserFactory(username="wsis-secretariat", is_staff=True)
    role(outsider, other.group, "secretariat")
    client.force_login(outsider)

    changelist = client.get(reverse(CHANGELIST)).content.decode()
    bulk(client, "publish_selected", responses, index=0)
    bulk(client, "reject_selected", responses, apply="Reject", reason="spam")

    assert their_own.receipt_number in changelist
    assert all(response.receipt_number not in changelist for response in responses)
    assert statuses(responses) == ["received", "received"]
    target = responses[0].pk
    assert client.get(reverse("admin:responses_response_change", args=[target])).status_code in (302, 404)
    for action in ("publish", "reject", "restore", "redact"):
        url = reverse(f"admin:responses_response_{action}", args=[target])
        assert client.post(url, {"reason": "spam", "note": ""}).status_code == 404
    assert statuses(responses) == ["received", "received"]
    with pytest.raises(NotAllowed):  # and the service says no on its own
        publish_response(actor=outsider, response=responses[0])


@pytest.mark.parametrize("kind", ["delegate", "chair", None])
def test_staff_who_are_not_secretariat_cannot_open_the_moderation_tool(client, open_consultation, kind):
    response = received(open_consultation)[0]
    user = UserFactory(username="staff-member", is_staff=True)
    if kind:
        role(user, open_consultation.group, kind, "SA" if kind == "delegate" else None)
    client.force_login(user)

    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.post(reverse(CHANGELIST), {"action": "publish_selected", "_selected_action": [response.pk],
                                             "index": 0}).status_code == 403
    assert client.get(reverse("admin:responses_response_oral_statement")).status_code == 403
    assert statuses([response]) == ["received"]


def test_nothing_can_be_deleted_from_the_admin(client, moderator, open_consultation):
    response = make_response(open_consultation, attachments=[("a.txt", b"text")])
    model_admin = admin.site._registry[Response]
    request = client.get(reverse(CHANGELIST)).wsgi_request

    assert "delete_selected" not in model_admin.get_actions(request)
    assert not model_admin.has_delete_permission(request, response)
    assert not admin.site._registry[AuditEvent].has_delete_permission(request)
    for inline in model_admin.get_inline_instances(request, response):
        assert not inline.has_delete_permission(request, response) and not inline.can_delete
        assert not inline.has_change_permission(request, response)
    assert client.post(reverse("admin:responses_response_delete", args=[response.pk]), {"post": "yes"}).status_code == 403
    assert Response.objects.filter(pk=response.pk).exists()


def test_the_change_page_shows_answers_files_raw_email_link_and_audit_log(client, moderator, open_consultation):
    response = make_response(
        open_consultation, status="received", channel="email", message_id="<abc@mail.example.org>",
        answers=("Affordability is key.",), body="Dear secretariat, please find our answers.",
        attachments=[("position.txt", b"Our position")],
    )
    publish_response(actor=moderator, response=response)

    html = client.get(reverse("admin:responses_response_change", args=[response.pk])).content.decode()
    raw = client.get(reverse("admin:responses_response_raw_email", args=[response.pk]))
    attachment = response.attachments.get()
    download = client.get(reverse("admin:responses_response_attachment", args=[response.pk, attachment.pk]))

    for text in ("Affordability is key.", "Dear secretariat", "position.txt", "Our position",
                 "&lt;abc@mail.example.org&gt;", "Published", "secretariat-user",
                 reverse("admin:responses_response_raw_email", args=[response.pk])):
        assert text in html
    assert 'name="_save"' not in html  # read-only: changes go through the moderation forms
    assert reverse("admin:responses_response_reject", args=[response.pk]) in html
    assert raw["Content-Type"] == "message/rfc822" and raw.content.startswith(b"Message-ID: <abc@mail.example.org>")
    assert download["Content-Disposition"].startswith("attachment;")


def test_publish_and_reject_from_the_response_page(client, moderator, open_consultation):
    response = received(open_consultation)[0]

    confirm = client.get(reverse("admin:responses_response_publish", args=[response.pk]))
    assert confirm.status_code == 200 and statuses([response]) == ["received"]
    client.post(reverse("admin:responses_response_publish", args=[response.pk]))
    assert statuses([response]) == ["published"]
    page = client.post(reverse("admin:responses_response_reject", args=[response.pk]),
                       {"reason": "abusive", "note": "Insults a delegation"}, follow=True)

    assert f"Response {response.receipt_number} rejected." in page.content.decode()
    assert Response.objects.get(pk=response.pk).rejection_reason == "abusive"
    assert AuditEvent.objects.filter(response=response, action="rejected", reason="abusive").exists()


def test_a_redaction_is_published_while_the_admin_keeps_the_original(client, moderator, open_consultation):
    response = make_response(
        open_consultation, answers=("Call me on +41 22 730 5111 to discuss.", "Second answer."),
        body="Signed, Amina, 12 Rue de Lausanne", attachments=[("cv.txt", b"My CV"), ("paper.txt", b"Paper")],
    )
    first = response.answers.get(question__position=1)
    cv = response.attachments.get(filename="cv.txt")
    redact_url = reverse("admin:responses_response_redact", args=[response.pk])

    assert "+41 22 730 5111" in client.get(redact_url).content.decode()
    client.post(redact_url, {
        "reason": "personal data: telephone number and address",
        "body": "Signed, Amina, [address removed]",
        f"answer_{first.pk}": "Call me on [number removed] to discuss.\r\n",
        f"answer_{response.answers.get(question__position=2).pk}": "Second answer.",
        "withhold": [cv.pk],
    })

    event = AuditEvent.objects.get(response=response, action="redacted")
    assert (event.actor, event.reason) == (moderator, "personal data: telephone number and address")
    assert event.details["body"] == {"before": "Signed, Amina, 12 Rue de Lausanne",
                                     "after": "Signed, Amina, [address removed]"}
    assert list(event.details["answers"]) == [str(first.pk)]  # only the answer that changed
    assert event.details["withheld_attachments"] == [cv.pk]
    client.logout()
    public = client.get(reverse("consultation-responses", args=[open_consultation.slug])).content.decode()
    assert "[number removed]" in public and "[address removed]" in public and "Second answer." in public
    assert "730 5111" not in public and "Rue de Lausanne" not in public and "cv.txt" not in public
    assert "Edited by the secretariat before publication." in public
    assert client.get(reverse("response-attachment", args=[response.receipt_number, cv.pk, "cv.txt"])).status_code == 404
    client.force_login(moderator)
    admin_html = client.get(reverse("admin:responses_response_change", args=[response.pk])).content.decode()
    assert "+41 22 730 5111" in admin_html and "[number removed]" in admin_html
    assert "12 Rue de Lausanne" in admin_html and "cv.txt" in admin_html


def test_a_redaction_that_changes_nothing_is_refused(client, moderator, open_consultation):
    response = make_response(open_consultation, answers=("Text.",))
    answer = response.answers.get()

    page = client.post(reverse("admin:responses_response_redact", args=[response.pk]),
                       {"reason": "checking", f"answer_{answer.pk}": "Text."})

    assert "Nothing was changed" in page.content.decode()
    assert not AuditEvent.objects.filter(action="redacted").exists()


# --- oral statements --------------------------------------------------------------------------

def oral_form(consultation, **changes):
    values = {
        "consultation": consultation.pk, "meeting": consultation.physical_meeting_id, "made_on": "2017-02-03",
        "made_at": "10:30", "author_name": "Ambassador Nadia Karimi", "organisation": "Permanent Mission of Kenya",
        "stakeholder_group": "government", "country": "KE", "publication": "named",
        "body": "Kenya supports affordable access for all.", "token": "f00d",
    }
    values.update(changes)
    return values


def test_the_secretariat_records_an_oral_statement_made_at_the_meeting(client, moderator, open_consultation):
    url = reverse("admin:responses_response_oral_statement")

    form = client.get(url, {"consultation": open_consultation.pk}).content.decode()
    page = client.post(url, oral_form(open_consultation), follow=True)
    client.post(url, oral_form(open_consultation))  # the same form sent twice: one statement

    statement = Response.objects.get()
    assert 'value="2017-02-03"' in form
    assert f"Oral statement recorded as response {statement.receipt_number}." in page.content.decode()
    assert (statement.channel, statement.meeting, statement.status) == ("oral", open_consultation.physical_meeting,
                                                                       "received")
    assert (statement.author_name, statement.organisation, statement.country, statement.stakeholder_group) == (
        "Ambassador Nadia Karimi", "Permanent Mission of Kenya", "KE", "government")
    assert statement.received_at == dt.datetime(2017, 2, 3, 9, 30, tzinfo=dt.UTC)  # 10:30 in Geneva
    assert statement.body == "Kenya supports affordable access for all." and statement.language == "en"
    assert AuditEvent.objects.get(response=statement).action == "received"


def test_an_oral_statement_can_be_published_at_once(client, moderator, open_consultation):
    client.post(reverse("admin:responses_response_oral_statement"),
                oral_form(open_consultation, publish_now="on", made_at=""))

    statement = Response.objects.get()
    assert statement.status == "published"
    assert statement.received_at == dt.datetime(2017, 2, 3, 11, tzinfo=dt.UTC)  # noon in Geneva when no time given
    public = client.get(reverse("consultation-responses", args=[open_consultation.slug])).content.decode()
    assert "Kenya supports affordable access for all." in public and "Oral statement at a meeting" in public


def test_an_oral_statement_outside_its_meeting_or_group_is_refused(client, moderator, open_consultation):
    url = reverse("admin:responses_response_oral_statement")
    other_meeting = ConsultationFactory(group=WorkingGroupFactory(code="CWG-WSIS")).group.meetings.create(
        kind="open_consultation", starts_on=dt.date(2017, 5, 2), ends_on=dt.date(2017, 5, 2),
    )

    wrong_day = client.post(url, oral_form(open_consultation, made_on="2017-02-04")).content.decode()
    wrong_group = client.post(url, oral_form(open_consultation, meeting=other_meeting.pk)).content.decode()

    assert "The meeting was held from 2017-02-03 to 2017-02-03." in wrong_day
    assert "Select a valid choice" in wrong_group  # a meeting of a group the user does not moderate
    assert not Response.objects.exists()


def test_an_oral_statement_goes_through_the_same_service_as_every_channel(open_consultation, secretariat):
    question = open_consultation.topic.questions.get(position=1)
    statement = submit_response(submission=Submission(
        consultation=open_consultation, channel="oral", meeting=open_consultation.physical_meeting,
        received_at=dt.datetime(2017, 2, 3, 9, tzinfo=dt.UTC), author_name="Speaker",
        answers={question.pk: AnswerInput("Long after the deadline, and accepted.")},
    ), actor=secretariat).response

    assert statement.channel == "oral" and statement.status == "received"
    with pytest.raises(NotAllowed):
        submit_response(submission=Submission(
            consultation=open_consultation, channel="oral", meeting=open_consultation.physical_meeting,
            received_at=dt.datetime(2017, 2, 3, 9, tzinfo=dt.UTC), body="Not the secretariat.",
        ), actor=UserFactory(username="someone"))
