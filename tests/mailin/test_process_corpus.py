"""Every message of the corpus through the processing service, called directly (Res. 1336 rule 8)."""

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from tashawur.core.languages import django_language

from tashawur.mailin.models import InboundMessage, OutboundMail
from tashawur.mailin.process import process_message
from tashawur.mailin.store import store_message
from tashawur.responses.models import Response
from tests.mailin.conftest import IN_PERIOD, attachment_hash, eml

pytestmark = pytest.mark.django_db
AMINA = ("Amina Haddad", "amina@example.org")
DEV = "development-aspects"


@dataclass(frozen=True)
class Expect:
    outcome: str
    reason: str = ""
    consultations: tuple[str, ...] = ()
    text: tuple[str, ...] = ()  # found in the response's text
    sender: tuple[str, str] = AMINA
    attachments: tuple[tuple[str, str], ...] = ()  # (filename, key in attachments.json)
    attachment_text: str = ""
    reply: tuple[str, ...] = ()  # found in the one reply; empty: no reply at all
    language: str = "en"  # the reply's Content-Language
    received_at: dt.datetime = IN_PERIOD
    absent: tuple[str, ...] = field(default=())  # not in the response's text


def accepted(*text, consultations=(DEV,), reply=(), **more):
    return Expect("accepted", consultations=consultations, text=text, reply=("receipt number", *reply), **more)


ARABIC = "الوصول الميسور إلى الإنترنت"
ENGLISH = "Affordable access is the first condition"
CASES = {
    "plain_utf8_arabic": accepted(ARABIC, "أمينة حداد", language="ar, en"),
    "raw_utf8_headers": accepted(ARABIC, sender=("أمينة حداد", "amina@example.org"), language="ar, en",
                                 reply=("رأي في المشاورة",)),
    "encoded_words_arabic": accepted(ARABIC, sender=("أمينة حداد", "amina@example.org"), language="ar, en"),
    "encoded_words_chinese": accepted("朱镕基", sender=("李明", "li.ming@example.cn"), language="zh, en"),
    "rfc2231_arabic_filename": accepted(
        "Please find our response attached.", attachments=(("رأي المنظمة.pdf", "pdf"),),
        attachment_text="Response of the Digital Rights Lab"),
    "windows1256_body": accepted(ARABIC, language="ar, en"),
    "koi8r_body": accepted("доступный Интернет", sender=("Ivan Petrov", "ivan@example.ru"), language="ru, en"),
    "gb2312_body": accepted("可负担的互联网接入", "朱镕基", sender=("Li Ming", "li.ming@example.cn"), language="zh, en"),
    "big5_body": accepted("可負擔的網際網路接入", sender=("Chen Wei", "chen@example.tw"), language="zh, en"),
    "mislabelled_latin1_is_cp1256": accepted(ARABIC, language="ar, en"),
    "mislabelled_latin1_is_utf8": accepted(ARABIC, language="ar, en"),
    "eightbit_no_charset": accepted(ARABIC, "l'accès abordable à l'Internet", language="ar, en"),
    "html_only": accepted(ARABIC, "Affordable access", "Digital Rights Lab", absent=("<p", "<b>"), language="ar, en"),
    "alternative": accepted(ENGLISH, "> On 28 Oct 2016 the secretariat wrote:", absent=("HTML VERSION",)),
    "forwarded": accepted(
        "Forwarding the response", "---------- Forwarded message ----------", "From: أمينة حداد <amina@example.org>",
        "Subject: رأينا في المشاورة", ARABIC, sender=("Secretariat of DRL", "office@example.org"), language="ar, en"),
    "pdf_attachment": accepted("Our response is attached.", attachments=(("response.pdf", "pdf"),),
                               attachment_text="international connectivity costs must fall"),
    "docx_attachment": accepted("Our response is attached.", attachments=(("response.docx", "docx"),),
                                attachment_text=ARABIC),
    "odt_attachment": accepted("Notre réponse est jointe.", attachments=(("reponse.odt", "odt"),),
                               attachment_text="Multilinguisme et renforcement des capacités.", language="fr, en"),
    "txt_cp1256_attachment": accepted("attached as text", attachments=(("response.txt", "txt_cp1256"),),
                                      attachment_text=ARABIC),
    "html_with_inline_logo": accepted(ENGLISH),
    "human_out_of_office_subject": accepted(ENGLISH),
    "plus_address_uppercase": accepted("l'accès abordable", language="fr, en"),
    "alias_address": accepted(ENGLISH),
    "two_consultations": accepted(ENGLISH, consultations=(DEV, "gender-divide")),
    "suppress_auto_response": Expect("accepted", consultations=(DEV,), text=(ENGLISH,)),  # no reply wanted
    "executable_named_pdf": Expect("refused", "attachment_dangerous", reply=("report.pdf", "could run code")),
    "macro_docm": Expect("refused", "attachment_dangerous", reply=("response.docm", "macros")),
    "unsupported_image": Expect("refused", "attachment_unsupported", reply=("workshop.png", "PDF, DOCX, ODT")),
    "unknown_address": Expect("refused", "unknown_address",
                              reply=("no-such-consultation@consult.itu.example",), language="ar, en"),
    "empty": Expect("refused", "empty_response", reply=("has no text",)),
    "late": Expect("refused", "submission_closed", received_at=dt.datetime(2017, 1, 10, 9, tzinfo=dt.UTC),
                   reply=("until 2017-01-04 (Europe/Zurich time)", "2017-01-10 10:00")),
    "early": Expect("refused", "submission_not_open", received_at=dt.datetime(2016, 10, 1, 9, tzinfo=dt.UTC),
                    reply=("is not open for responses yet", "الجوانب الإنمائية للإنترنت"), language="ar, en"),
    "auto_replied": Expect("ignored", "auto_reply"),
    "out_of_office": Expect("ignored", "auto_reply"),
    "bulk_newsletter": Expect("ignored", "bulk"),
    "dsn_bounce": Expect("ignored", "bounce", sender=("Mail Delivery System", "MAILER-DAEMON@mx.example.org")),
    "null_sender": Expect("ignored", "null_sender"),
    "no_from": Expect("ignored", "no_sender", sender=("", "")),
}


@pytest.fixture
def process(django_capture_on_commit_callbacks):
    """process_message; the test's transaction never commits, so the replies are sent when processing ends."""
    def process(inbound):
        with django_capture_on_commit_callbacks(execute=True):
            return process_message(inbound)
    return process


@pytest.fixture
def receive(process):
    def receive(name: str, received_at=IN_PERIOD, **envelope):
        inbound, _created = store_message(eml(name), via="test", received_at=received_at, **envelope)
        return inbound, process(inbound)
    return receive


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_message_gets_its_outcome_reply_text_sender_and_attachments(name, consultations, receive):
    expected = CASES[name]

    inbound, result = receive(name, received_at=expected.received_at)

    inbound.refresh_from_db()
    assert (result.outcome, result.reason) == (expected.outcome, expected.reason)
    assert (inbound.outcome, inbound.reason) == (expected.outcome, expected.reason)
    assert inbound.processed_at is not None and bytes(inbound.raw) == eml(name)
    name_, address = expected.sender
    assert inbound.sender == (f"{name_} <{address}>" if name_ else address)
    responses = list(Response.objects.filter(inbound_message=inbound).order_by("pk"))
    assert tuple(response.consultation.slug for response in responses) == expected.consultations
    assert list(result.response_ids) == [response.pk for response in responses]
    for response in responses:
        assert_response(response, expected)
    assert_reply(inbound, responses, expected)


def assert_response(response, expected: Expect) -> None:
    assert (response.channel, response.status) == ("email", "received")
    assert (response.author_name, response.author_email) == expected.sender
    for text in expected.text:
        assert text in response.body
    for text in expected.absent:
        assert text not in response.body
    attachments = list(response.attachments.order_by("pk"))
    assert [(a.filename, a.sha256) for a in attachments] == [
        (filename, attachment_hash(key)) for filename, key in expected.attachments]
    if expected.attachment_text:
        assert expected.attachment_text in attachments[0].extracted_text


def assert_reply(inbound, responses, expected: Expect) -> None:
    if not expected.reply:
        assert mail.outbox == [] and not OutboundMail.objects.exists()
        return
    assert len(mail.outbox) == 1 and OutboundMail.objects.filter(inbound=inbound).count() == 1
    reply = mail.outbox[0]
    assert reply.to == [expected.sender[1]]
    assert reply.extra_headers["Auto-Submitted"] == "auto-replied"
    assert reply.extra_headers["In-Reply-To"] == inbound.message_id
    assert reply.extra_headers["Content-Language"] == expected.language
    for text in expected.reply:
        assert text in reply.body
    for response in responses:
        assert response.receipt_number in reply.body and response.receipt_number in reply.subject
    if expected.outcome == "refused":
        first_language = expected.language.split(",")[0].strip()
        with translation.override(django_language(first_language)):
            prefix = gettext("Not accepted: %(subject)s").split("%(")[0]
        assert reply.subject.startswith(prefix) and f"M-{inbound.pk}" in reply.body


def test_a_redelivered_message_makes_one_response_and_one_acknowledgement(consultations, receive):
    _first, accepted_result = receive("plain_utf8_arabic")
    again, duplicate = receive("plain_utf8_arabic")
    _same_id, other_copy = receive("duplicate_message_id")

    assert accepted_result.outcome == "accepted"
    assert (duplicate.outcome, duplicate.reason) == ("ignored", "duplicate")
    assert (other_copy.outcome, other_copy.reason) == ("ignored", "duplicate")
    assert duplicate.response_ids == other_copy.response_ids == accepted_result.response_ids
    assert InboundMessage.objects.count() == 1 and Response.objects.count() == 1
    assert len(mail.outbox) == 1 and OutboundMail.objects.count() == 1


def test_an_oversized_message_is_stored_and_refused_with_the_limit_stated(consultations, settings, process):
    settings.MESSAGE_MAX_BYTES = 2048
    raw = eml("plain_utf8_arabic").replace(b"<plain-arabic@", b"<big@") + "نص طويل ".encode() * 400

    inbound, _created = store_message(raw, via="test", received_at=IN_PERIOD)
    result = process(inbound)

    inbound.refresh_from_db()
    assert (result.outcome, result.reason) == ("refused", "message_too_large")
    assert bytes(inbound.raw) == raw and inbound.size == len(raw)
    assert not Response.objects.exists()
    assert "2.0\xa0KB" in mail.outbox[0].body and mail.outbox[0].to == ["amina@example.org"]


def test_a_message_to_an_open_and_a_closed_consultation_is_accepted_for_the_open_one(consultations, receive):
    development, gender = consultations
    gender.response_deadline = dt.date(2016, 11, 15)
    gender.save()

    inbound, result = receive("two_consultations")

    assert result.outcome == "accepted"
    assert [Response.objects.get(pk=pk).consultation for pk in result.response_ids] == [development]
    body = mail.outbox[0].body
    assert "receipt number R-" in body
    assert "It was not recorded for the consultation \u201cBridging the gender digital divide\u201d" in body
    assert "until 2016-11-15 (Europe/Zurich time)" in body


def test_envelope_recipients_route_a_blind_copy(consultations, process):
    raw = eml("alias_address").replace(b"To: cwg-internet@itu.example", b"To: undisclosed-recipients:;")

    inbound, _created = store_message(raw, via="test", received_at=IN_PERIOD,
                                      envelope_recipients=["gender-divide@consult.itu.example"])
    result = process(inbound)

    assert result.outcome == "accepted"
    assert Response.objects.get().consultation.slug == "gender-divide"


def test_an_unexpected_failure_leaves_the_message_to_retry_and_it_is_processed_later(
    consultations, settings, tmp_path, receive, process,
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker / "media"  # saving the attachment fails: an error nobody caused

    inbound, failed = receive("pdf_attachment")
    inbound.refresh_from_db()
    assert (failed.outcome, inbound.outcome, inbound.attempts) == ("failed", "failed", 1)
    assert not Response.objects.exists() and not OutboundMail.objects.exists() and mail.outbox == []

    settings.MEDIA_ROOT = tmp_path / "media"
    retried = process(inbound)

    inbound.refresh_from_db()
    assert (retried.outcome, inbound.outcome, inbound.attempts) == ("accepted", "accepted", 2)
    assert Response.objects.count() == 1 and len(mail.outbox) == 1
