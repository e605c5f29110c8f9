"""End to end: real SMTP sessions (smtplib) to the real listener (aiosmtpd) on 127.0.0.1."""

import smtplib
import socket

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tashawur.mailin.models import InboundMessage, OutboundMail
from tashawur.mailin.smtp import MailListener
from tashawur.responses.models import Response
from tests.mailin.conftest import DOMAIN, IN_PERIOD, attachment_hash, eml

# The listener's threads use their own database connections: they must see committed data.
pytestmark = pytest.mark.django_db(transaction=True)
TO = f"development-aspects@{DOMAIN}"


@pytest.fixture(autouse=True)
def _during_the_consultation():
    """Mail arrives "now": now is 1 December 2016, while the consultations are open."""
    with time_machine.travel(IN_PERIOD, tick=False):
        yield


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def listener(committed_consultations):
    with MailListener(host="127.0.0.1", port=free_port()) as running:
        yield running


def send(listener, name: str, *, sender="amina@example.org", recipients=(TO,)) -> dict:
    with smtplib.SMTP(listener.controller.hostname, listener.controller.port, timeout=30) as client:
        refused = client.sendmail(sender, list(recipients), eml(name))
    assert listener.handler.wait_idle(timeout=60)
    return refused


def test_a_message_sent_over_smtp_becomes_a_response_with_one_acknowledgement(listener):
    send(listener, "gb2312_body")

    response = Response.objects.get()
    assert (response.channel, response.author_email, response.consultation.slug) == (
        "email", "li.ming@example.cn", "development-aspects")
    assert "朱镕基" in response.body
    inbound = InboundMessage.objects.get()
    assert (inbound.via, inbound.envelope_sender, inbound.envelope_recipients) == ("smtp", "amina@example.org", [TO])
    assert bytes(inbound.raw) == eml("gb2312_body")
    assert len(mail.outbox) == 1 and response.receipt_number in mail.outbox[0].body


def test_attachments_arrive_intact_through_smtp(listener):
    send(listener, "rfc2231_arabic_filename")

    attachment = Response.objects.get().attachments.get()
    assert (attachment.filename, attachment.sha256) == ("رأي المنظمة.pdf", attachment_hash("pdf"))


def test_a_dangerous_attachment_is_refused_with_one_reply(listener):
    send(listener, "executable_named_pdf")

    assert not Response.objects.exists()
    assert InboundMessage.objects.get().reason == "attachment_dangerous"
    assert len(mail.outbox) == 1 and "report.pdf" in mail.outbox[0].body


def test_a_bounce_with_a_null_sender_is_ignored_without_reply(listener):
    send(listener, "dsn_bounce", sender="")

    inbound = InboundMessage.objects.get()
    assert (inbound.outcome, inbound.reason, inbound.envelope_sender) == ("ignored", "bounce", "<>")
    assert mail.outbox == [] and not OutboundMail.objects.exists()


def test_one_session_to_two_consultations_makes_two_responses_and_one_acknowledgement(listener):
    send(listener, "two_consultations", recipients=(TO, f"gender-divide@{DOMAIN}"))

    assert sorted(Response.objects.values_list("consultation__slug", flat=True)) == [
        "development-aspects", "gender-divide"]
    assert len(mail.outbox) == 1
    assert all(number in mail.outbox[0].body for number in Response.objects.values_list("receipt_number", flat=True))


def test_sending_the_same_message_twice_yields_one_response_and_one_acknowledgement(listener):
    send(listener, "plain_utf8_arabic")
    send(listener, "plain_utf8_arabic")

    assert InboundMessage.objects.count() == 1 and Response.objects.count() == 1
    assert len(mail.outbox) == 1 and OutboundMail.objects.count() == 1


def test_recipients_of_other_domains_are_refused_at_rcpt(listener):
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(listener, "plain_utf8_arabic", recipients=("someone@elsewhere.example",))

    code, _text = refused.value.recipients["someone@elsewhere.example"]
    assert code == 550
    assert not InboundMessage.objects.exists()


def test_an_unknown_address_at_our_domain_is_refused_with_a_reply(listener):
    send(listener, "unknown_address", recipients=(f"no-such-consultation@{DOMAIN}",))

    assert InboundMessage.objects.get().reason == "unknown_address"
    assert "no-such-consultation@consult.itu.example" in mail.outbox[0].body


def test_a_listener_killed_between_receipt_and_processing_loses_nothing(committed_consultations):
    port = free_port()
    with MailListener(host="127.0.0.1", port=port, process=False) as crashing:  # stores, then "dies"
        send(crashing, "pdf_attachment")
    inbound = InboundMessage.objects.get()
    assert inbound.outcome == "pending" and not Response.objects.exists() and mail.outbox == []

    with MailListener(host="127.0.0.1", port=port):  # the restart processes what was stored
        pass

    inbound.refresh_from_db()
    assert inbound.outcome == "accepted"
    assert Response.objects.get().attachments.get().sha256 == attachment_hash("pdf")
    assert len(mail.outbox) == 1 and OutboundMail.objects.count() == 1


def test_process_pending_command_processes_stored_messages(committed_consultations, capsys):
    with MailListener(host="127.0.0.1", port=free_port(), process=False) as crashing:
        send(crashing, "koi8r_body")

    call_command("process_pending")
    call_command("process_pending")  # nothing left: nothing happens twice

    assert '"outcome": "accepted"' in capsys.readouterr().out
    assert Response.objects.count() == 1 and len(mail.outbox) == 1
