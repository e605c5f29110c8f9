"""``manage.py process_pending``: process stored messages left pending by a crash or a failure."""

from django.core.management.base import BaseCommand, CommandError

from tashawur.mailin.models import Outcome
from tashawur.mailin.services import process_pending

EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = (
        "Process every stored incoming message that is still pending or failed, oldest first. Prints one JSON "
        "line per message; exits 75 when some failed again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Process at most this many messages.")

    def handle(self, *args, **options):
        outcomes = process_pending(limit=options["limit"])
        for outcome in outcomes:
            self.stdout.write(outcome.as_json())
        if any(outcome.outcome == Outcome.FAILED for outcome in outcomes):
            raise CommandError("Some messages failed again; they stay pending.", returncode=EX_TEMPFAIL)
