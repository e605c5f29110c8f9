"""IMAP polling with the real imaplib client against a small IMAP server on a real socket."""

import json

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from tashawur.mailin.models import InboundMessage, MailboxCursor
from tashawur.responses.models import Response
from tests.mailin.conftest import IN_PERIOD, eml
from tests.mailin.imap_server import FakeImapServer, Mailbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailbox():
    box = Mailbox("secretariat@itu.example", 'p@ss "word"')
    with FakeImapServer(box) as server:
        box.port = server.port
        yield box


@pytest.fixture
def poll(settings, mailbox, capsys, django_capture_on_commit_callbacks):
    settings.IMAP_HOST, settings.IMAP_PORT, settings.IMAP_SSL = "127.0.0.1", mailbox.port, False
    settings.IMAP_USER, settings.IMAP_PASSWORD = mailbox.user, mailbox.password
    settings.IMAP_ADDRESS = "cwg-internet@itu.example"  # the alias of the first consultation

    def poll():
        capsys.readouterr()
        with time_machine.travel(IN_PERIOD, tick=False), django_capture_on_commit_callbacks(execute=True):
            call_command("poll_imap", "--once")
        return [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return poll


def test_new_messages_are_stored_processed_and_flagged_seen(consultations, mailbox, poll):
    mailbox.append(eml("big5_body"))
    mailbox.append(eml("auto_replied"))
    blind_copy = eml("koi8r_body").replace(b"To: development-aspects@", b"To: someone-else@")
    mailbox.append(blind_copy)

    lines = poll()

    assert [(line["outcome"], line["reason"]) for line in lines] == [
        ("accepted", ""), ("ignored", "auto_reply"), ("accepted", "")]
    assert mailbox.seen() == [1, 2, 3]
    assert set(InboundMessage.objects.values_list("via", flat=True)) == {"imap"}
    assert Response.objects.count() == 2 and len(mail.outbox) == 2
    assert Response.objects.get(author_email="ivan@example.ru").consultation.slug == "development-aspects"


def test_a_second_poll_reads_only_new_messages_even_if_someone_read_them(consultations, mailbox, poll):
    mailbox.append(eml("plain_utf8_arabic"))
    poll()
    mailbox.append(eml("gb2312_body"))
    mailbox.messages[1].flags.add("\\Seen")  # a colleague opened it in a mail client first
    first_poll = len(mailbox.commands)

    lines = poll()

    assert [line["message_id"] for line in lines] == ["<gb2312@example.org>"]
    assert MailboxCursor.objects.get().last_uid == 2
    assert Response.objects.count() == 2 and len(mail.outbox) == 2
    assert [c for c in mailbox.commands[first_poll:] if c.startswith("UID FETCH")] == ["UID FETCH 2 (BODY.PEEK[])"]


def test_a_renumbered_mailbox_is_read_again_without_duplicates(consultations, mailbox, poll):
    mailbox.append(eml("plain_utf8_arabic"))
    mailbox.append(eml("windows1256_body"))
    poll()
    mailbox.renumber(uid_validity=7)

    lines = poll()

    assert [line["reason"] for line in lines] == ["duplicate", "duplicate"]
    assert MailboxCursor.objects.get().uid_validity == 7
    assert Response.objects.count() == 2 and len(mail.outbox) == 2


def test_wrong_credentials_are_reported_and_retried_later(consultations, mailbox, poll, settings, capsys):
    settings.IMAP_PASSWORD = "wrong"
    mailbox.append(eml("plain_utf8_arabic"))

    with pytest.raises(CommandError) as error:
        call_command("poll_imap", "--once")

    assert error.value.returncode == 75
    assert "AUTHENTICATIONFAILED" in capsys.readouterr().err
    assert not InboundMessage.objects.exists() and mailbox.seen() == []
