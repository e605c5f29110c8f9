from django.core.management.base import BaseCommand, CommandError

from tashawur.demo.importer import DEMO_FILE, CalendarError, load_calendar_file


class Command(BaseCommand):
    help = (
        "Load a group calendar (groups, meetings, topics, cycles, decisions, consultations) from a YAML file; "
        "by default the demo drawn from the seed documents. Loading twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEMO_FILE), help="YAML calendar to load (default: the demo).")

    def handle(self, *args, **options):
        try:
            created = load_calendar_file(options["file"])
        except CalendarError as exc:
            raise CommandError(str(exc)) from exc
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(f"Loaded {options['file']}: created {summary}.")
        if options["file"] == str(DEMO_FILE):
            self._load_memory_demo()

    def _load_memory_demo(self):
        """Issues, repository, positions, mandates (Res. 1334) and the annual report's narrative."""
        from tashawur.policy.demo import MemoryDemoError, load_memory_demo

        try:
            created = load_memory_demo()
        except MemoryDemoError as exc:
            raise CommandError(str(exc)) from exc
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(f"Loaded the group's memory demo: created {summary}.")
