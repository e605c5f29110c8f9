import datetime as dt

import pytest

from tashawur.responses.attachments import check_attachment
from tashawur.responses.errors import EmptyResponse, InvalidResponse, SubmissionClosed, SubmissionNotOpen
from tashawur.responses.models import AuditEvent, Response
from tashawur.responses.services import AnswerInput, Submission, response_for_token, submit_response

pytestmark = pytest.mark.django_db
ZURICH = dt.timezone(dt.timedelta(hours=1))  # Europe/Zurich in winter


def submission(consultation, received_at=dt.datetime(2016, 12, 1, 12, tzinfo=dt.UTC), **changes):
    first = consultation.topic.questions.get(position=1)
    values = dict(
        consultation=consultation, channel="web", received_at=received_at,
        answers={first.pk: AnswerInput("Affordable access is the first condition of development.")},
        author_name="Amina Haddad", author_email="Amina@Example.org", organisation="Digital Rights Lab",
        country="tn", stakeholder_group="civil_society",
    )
    values.update(changes)
    return Submission(**values)


def test_a_response_is_received_with_a_receipt_number_language_and_audit_event(open_consultation):
    result = submit_response(submission=submission(open_consultation))

    response = result.response
    assert result.created and result.access_token
    assert response.status == "received"
    assert response.receipt_number.startswith("R-") and len(response.receipt_number) == 11
    assert (response.author_email, response.country, response.language) == ("amina@example.org", "TN", "en")
    assert response.answers.get().text.startswith("Affordable access")
    assert list(AuditEvent.objects.filter(response=response).values_list("action", flat=True)) == ["received"]
    assert response_for_token(response.receipt_number, result.access_token) == response
    assert response_for_token(response.receipt_number, "wrong") is None


def test_the_same_idempotency_key_gives_the_same_response(open_consultation):
    first = submit_response(submission=submission(open_consultation, idempotency_key="form:abc"))
    second = submit_response(submission=submission(open_consultation, idempotency_key="form:abc"))

    assert (second.response.pk, second.created, second.access_token) == (first.response.pk, False, None)
    assert Response.objects.count() == 1


@pytest.mark.parametrize(
    "received_at, accepted",
    [
        (dt.datetime(2017, 1, 4, 23, 59, tzinfo=ZURICH), True),   # last minute of the deadline day, Geneva time
        (dt.datetime(2017, 1, 5, 0, 0, tzinfo=ZURICH), False),    # midnight in Geneva
        (dt.datetime(2016, 10, 27, 23, 0, tzinfo=dt.UTC), True),  # already 28 Oct in Geneva
        (dt.datetime(2016, 10, 27, 21, 0, tzinfo=dt.UTC), False),  # still 27 Oct in Geneva
    ],
)
def test_responses_are_accepted_from_opening_to_deadline_in_the_group_time_zone(open_consultation, received_at, accepted):
    if accepted:
        assert submit_response(submission=submission(open_consultation, received_at=received_at)).created
    else:
        with pytest.raises((SubmissionClosed, SubmissionNotOpen)):
            submit_response(submission=submission(open_consultation, received_at=received_at))
        assert not Response.objects.exists()


def test_late_response_is_refused_with_the_deadline_stated(open_consultation):
    with pytest.raises(SubmissionClosed) as refused:
        submit_response(submission=submission(open_consultation, received_at=dt.datetime(2017, 1, 10, 9, tzinfo=dt.UTC)))

    assert "until 2017-01-04 (Europe/Zurich time)" in refused.value.message
    assert "2017-01-10 10:00" in refused.value.message


def test_empty_and_invalid_responses_are_refused_with_reasons(open_consultation):
    with pytest.raises(EmptyResponse):
        submit_response(submission=submission(open_consultation, answers={}, body="  "))
    with pytest.raises(InvalidResponse) as invalid:
        submit_response(submission=submission(open_consultation, country="XX", stakeholder_group="aliens"))
    assert "XX is not a country code" in invalid.value.message
    assert "Unknown stakeholder group: aliens" in invalid.value.message


def test_arabic_response_with_attachment_is_detected_and_stored_by_hash(open_consultation):
    question = open_consultation.topic.questions.get(position=2)
    text_file = check_attachment("موقف.txt", "النفاذ الميسور التكلفة إلى الإنترنت شرط للتنمية".encode("cp1256"))

    result = submit_response(submission=submission(
        open_consultation, answers={question.pk: AnswerInput("نرى أن النفاذ الميسور التكلفة هو أساس التنمية الرقمية.")},
        attachments=[text_file],
    ))

    attachment = result.response.attachments.get()
    assert result.response.language == "ar"
    assert (attachment.filename, attachment.content_type) == ("موقف.txt", "text/plain")
    assert attachment.extracted_text == "النفاذ الميسور التكلفة إلى الإنترنت شرط للتنمية"
    assert attachment.file.name == f"attachments/{attachment.sha256[:2]}/{attachment.sha256}"
