"""``manage.py ingest_email``: the MTA pipe transport, and the replay of mail archives."""

import contextlib
import mailbox
import sys
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tashawur.mailin.models import Outcome
from tashawur.mailin.parse import arrival_time
from tashawur.mailin.process import ProcessOutcome
from tashawur.mailin.services import receive_message
from tashawur.mailin.store import NULL_SENDER, message_id_of

EX_USAGE = 64
EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = (
        "Receive one RFC 5322 message from standard input (an MTA pipe transport), or replay a file, an mbox or "
        "a Maildir. Prints one JSON line per message: outcome, reason, message_id, response_ids. Exits 0 when "
        "every message was handled (accepted, refused with a reply, or ignored) and 75 (EX_TEMPFAIL) when the "
        "MTA should retry."
    )
    stealth_options = ("stdin",)
    requires_system_checks = []  # run once per message by the MTA: mail intake must not wait on URL checks

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group()
        source.add_argument("--file", help="Read the message from this file instead of standard input.")
        source.add_argument("--mbox", help="Replay every message of this mbox file.")
        source.add_argument("--maildir", help="Replay every message of this Maildir folder.")
        parser.add_argument(
            "--received-at", metavar="ISO|header",
            help="Arrival time: an ISO 8601 instant, or 'header' for the newest Received header (else Date). "
                 "For replaying archives; the default is now.",
        )
        parser.add_argument("--sender", help="Envelope sender (Postfix: ${sender}); '<>' or '' for the null sender.")
        parser.add_argument("--recipient", action="append", default=[],
                            help="Envelope recipient (Postfix: ${recipient}); may be repeated.")

    def handle(self, *args, **options):
        received_at = options["received_at"]
        if received_at and received_at != "header":
            received_at = _instant(received_at)
        via = "replay" if options["mbox"] or options["maildir"] or options["file"] else "pipe"
        sender = _envelope_sender(options["sender"])
        retry = False
        for raw in _messages(options):
            arrival = received_at
            if received_at == "header":
                arrival = arrival_time(raw) or timezone.now()
            outcome = _receive(raw, via=via, sender=sender, recipients=options["recipient"], received_at=arrival)
            self.stdout.write(outcome.as_json())
            retry = retry or outcome.outcome == Outcome.FAILED
        if retry:
            raise CommandError("Temporary failure: the MTA should retry.", returncode=EX_TEMPFAIL)


def _receive(raw: bytes, *, via, sender, recipients, received_at) -> ProcessOutcome:
    """Store and process; anything else printing to stdout (the console mail backend) goes to stderr."""
    try:
        with contextlib.redirect_stdout(sys.stderr):
            return receive_message(
                raw, via=via, envelope_sender=sender, envelope_recipients=recipients, received_at=received_at,
            )
    except Exception as exc:  # not stored: only a retry can save it
        sys.stderr.write(f"ingest_email: message not stored: {type(exc).__name__}: {exc}\n")
        return ProcessOutcome(Outcome.FAILED, "store_failed", (), message_id_of(raw))


def _instant(value: str) -> datetime:
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--received-at {value!r} is neither an ISO 8601 instant nor 'header'.",
                           returncode=EX_USAGE) from None
    return instant if timezone.is_aware(instant) else timezone.make_aware(instant)


def _envelope_sender(value: str | None) -> str:
    if value is None:
        return ""
    value = value.strip()
    return NULL_SENDER if value in ("", "<>") else value


def _messages(options):
    if options["mbox"]:
        box = mailbox.mbox(options["mbox"], create=False)
        yield from (box.get_bytes(key) for key in box.iterkeys())
    elif options["maildir"]:
        box = mailbox.Maildir(options["maildir"], factory=None, create=False)
        yield from (box.get_bytes(key) for key in sorted(box.iterkeys()))
    elif options["file"]:
        with open(options["file"], "rb") as handle:
            yield handle.read()
    else:
        stream = options.get("stdin") or sys.stdin.buffer
        yield stream.read()
