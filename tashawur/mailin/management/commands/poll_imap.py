"""``manage.py poll_imap``: read a secretariat's existing mailbox over IMAP."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tashawur.mailin.imap import MailboxConfig, poll_mailbox
from tashawur.mailin.models import Outcome

EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = (
        "Poll the IMAP mailbox of IMAP_HOST/IMAP_USER/IMAP_FOLDER: each new message (by UID) is stored, "
        "processed and flagged \\Seen. Prints one JSON line per message. --once polls once and exits "
        "(75 when a message must be retried)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Poll once and exit.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between polls (default 60).")

    def handle(self, *args, **options):
        if not settings.IMAP_HOST or not settings.IMAP_USER:
            raise CommandError("Set IMAP_HOST and IMAP_USER (and IMAP_PASSWORD or IMAP_PASSWORD_FILE) first.")
        config = MailboxConfig(
            host=settings.IMAP_HOST, port=settings.IMAP_PORT, user=settings.IMAP_USER,
            password=settings.IMAP_PASSWORD, folder=settings.IMAP_FOLDER, ssl=settings.IMAP_SSL,
            address=settings.IMAP_ADDRESS,
        )
        while True:
            failed = self._poll(config)
            if options["once"]:
                if failed:
                    raise CommandError("Some messages must be retried.", returncode=EX_TEMPFAIL)
                return
            time.sleep(options["interval"])

    def _poll(self, config: MailboxConfig) -> bool:
        try:
            outcomes = poll_mailbox(config)
        except Exception as exc:  # the server is unreachable: try again at the next poll
            self.stderr.write(f"poll_imap: {type(exc).__name__}: {exc}")
            return True
        for outcome in outcomes:
            self.stdout.write(outcome.as_json())
        return any(outcome.outcome == Outcome.FAILED for outcome in outcomes)
