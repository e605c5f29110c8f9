"""The MTA pipe: `manage.py ingest_email`, its JSON line, its exit codes and archive replays."""

import io
import json
import mailbox
import os
import signal
import smtplib
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from tashawur.mailin.models import InboundMessage
from tashawur.responses.models import Response
from tests.mailin.conftest import eml

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ingest(django_capture_on_commit_callbacks, capsys):
    """Run the command as the MTA would; return its JSON lines."""
    def ingest(*args, stdin: bytes = b""):
        capsys.readouterr()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("ingest_email", *args, stdin=io.BytesIO(stdin))
        return [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return ingest


def test_a_piped_message_prints_one_json_line_and_is_acknowledged(consultations, ingest):
    lines = ingest("--received-at", "2016-12-01T10:00:00+01:00", "--sender", "amina@example.org",
                   "--recipient", "development-aspects@consult.itu.example", stdin=eml("windows1256_body"))

    response = Response.objects.get()
    assert lines == [{"outcome": "accepted", "reason": "", "message_id": "<cp1256@example.org>",
                      "response_ids": [response.pk]}]
    inbound = InboundMessage.objects.get()
    assert (inbound.via, inbound.envelope_sender, inbound.received_at.isoformat()) == (
        "pipe", "amina@example.org", "2016-12-01T09:00:00+00:00")
    assert len(mail.outbox) == 1


def test_a_piped_redelivery_is_a_harmless_duplicate(consultations, ingest):
    first = ingest("--received-at", "header", stdin=eml("plain_utf8_arabic"))
    second = ingest("--received-at", "header", stdin=eml("plain_utf8_arabic"))

    assert first[0]["outcome"] == "accepted"
    assert second == [{**first[0], "outcome": "ignored", "reason": "duplicate"}]
    assert Response.objects.count() == 1 and len(mail.outbox) == 1


def test_refused_and_ignored_messages_are_handled_with_exit_status_0(consultations, ingest):
    refused = ingest("--received-at", "header", stdin=eml("unknown_address"))
    ignored = ingest("--sender", "", stdin=eml("auto_replied"))

    assert (refused[0]["outcome"], refused[0]["reason"]) == ("refused", "unknown_address")
    assert (ignored[0]["outcome"], ignored[0]["reason"]) == ("ignored", "auto_reply")
    assert InboundMessage.objects.get(reason="auto_reply").envelope_sender == "<>"


def test_received_at_header_takes_the_newest_received_header(consultations, ingest):
    raw = (b"Received: from mx.example.org by mail.itu.example; Wed, 4 Jan 2017 23:59:00 +0100\r\n"
           b"Received: from client by mx.example.org; Wed, 4 Jan 2017 23:58:00 +0100\r\n" + eml("late"))

    lines = ingest("--received-at", "header", stdin=raw)

    assert lines[0]["outcome"] == "accepted"  # the last minute of the deadline day, Geneva time
    assert InboundMessage.objects.get().received_at.isoformat() == "2017-01-04T22:59:00+00:00"


def test_an_mbox_archive_is_replayed_message_by_message(consultations, ingest, tmp_path):
    box = mailbox.mbox(tmp_path / "archive.mbox")
    for name in ("koi8r_body", "big5_body", "out_of_office", "koi8r_body"):
        box.add(eml(name))
    box.flush()

    lines = ingest("--mbox", str(tmp_path / "archive.mbox"), "--received-at", "header")

    assert [(line["outcome"], line["reason"]) for line in lines] == [
        ("accepted", ""), ("accepted", ""), ("ignored", "auto_reply"), ("ignored", "duplicate")]
    assert set(InboundMessage.objects.values_list("via", flat=True)) == {"replay"}
    assert Response.objects.count() == 2 and len(mail.outbox) == 2


def test_a_maildir_is_replayed(consultations, ingest, tmp_path):
    box = mailbox.Maildir(tmp_path / "Maildir")
    for name in ("gb2312_body", "html_only"):
        box.add(eml(name))

    lines = ingest("--maildir", str(tmp_path / "Maildir"), "--received-at", "2016-12-02T08:00Z")

    assert sorted(line["message_id"] for line in lines) == ["<gb2312@example.org>", "<html@example.org>"]
    assert Response.objects.count() == 2


def test_a_bad_arrival_time_is_a_usage_error(consultations):
    with pytest.raises(CommandError) as error:
        call_command("ingest_email", "--received-at", "yesterday", stdin=io.BytesIO(eml("late")))
    assert error.value.returncode == 64
    assert not InboundMessage.objects.exists()


def _manage(env, *args, stdin=b""):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def fresh_database(tmp_path_factory):
    """A migrated SQLite file with the demo calendar, for commands run in their own process."""
    database = tmp_path_factory.mktemp("fresh") / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}?timeout=1", "MAIL_DOMAIN": "consult.itu.example",
           "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    assert _manage(env, "migrate", "--no-input", "-v0", "--skip-checks").returncode == 0
    assert _manage(env, "loaddemo", "--skip-checks").returncode == 0
    return database, env


def test_the_process_exits_0_when_handled_and_75_when_the_database_cannot_be_written(fresh_database, tmp_path):
    """The real command in its own process, as Postfix's pipe transport runs it."""
    database, env = fresh_database
    raw = eml("koi8r_body").replace(b"development-aspects@", b"development-aspects-internet@")
    args = ("ingest_email", "--received-at", "2016-12-01T10:00Z")

    locked = sqlite3.connect(database)
    locked.execute("BEGIN EXCLUSIVE")  # another writer holds the database: try again later
    busy = _manage(env, *args, stdin=raw)
    locked.rollback()
    locked.close()
    handled = _manage(env, *args, stdin=raw)
    again = _manage(env, *args, stdin=raw)
    nowhere = _manage({**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'missing' / 'db.sqlite3'}"}, *args, stdin=raw)

    assert busy.returncode == 75, busy.stderr
    assert json.loads(busy.stdout) == {"outcome": "failed", "reason": "store_failed",
                                       "message_id": "<koi8r@example.org>", "response_ids": []}
    assert handled.returncode == 0, handled.stderr
    assert json.loads(handled.stdout)["outcome"] == "accepted"
    assert (again.returncode, json.loads(again.stdout)["reason"]) == (0, "duplicate")
    assert nowhere.returncode == 75


def _wait_for(predicate, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def test_the_smtpd_command_stores_processes_and_stops_on_sigterm(fresh_database):
    database, env = fresh_database
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "manage.py", "smtpd", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert _wait_for(lambda: _listening(port)), server.stderr.read1().decode()
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
            client.sendmail("li.ming@example.cn", ["development-aspects-internet@consult.itu.example"],
                            eml("gb2312_body"))

        def outcome():
            with sqlite3.connect(database) as connection:
                row = connection.execute(
                    "SELECT outcome, reason, via FROM mailin_inboundmessage WHERE message_id = ?",
                    ("<gb2312@example.org>",)).fetchone()
            return row if row and row[0] != "pending" else None
        assert _wait_for(outcome)
        assert outcome() == ("refused", "submission_closed", "smtp")  # "now" is long after the deadline
    finally:
        server.send_signal(signal.SIGTERM)
        stdout, _stderr = server.communicate(timeout=30)
    assert server.returncode == 0 and b"Stopped." in stdout
