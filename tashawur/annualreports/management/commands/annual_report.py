from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tashawur.annualreports.render import FORMATS, render
from tashawur.annualreports.selectors import annual_report_facts
from tashawur.core.languages import CONTENT_LANGUAGES
from tashawur.documents.errors import DocumentError
from tashawur.groups.models import WorkingGroup


class Command(BaseCommand):
    help = "Build a group's annual report to Council for a year or a span (e.g. 2016-2017) as HTML, PDF or DOCX."

    def add_arguments(self, parser):
        parser.add_argument("group", help="Group code, e.g. CWG-Internet.")
        parser.add_argument("years", help="A year (2017) or a span (2016-2017).")
        parser.add_argument("--lang", default="en", choices=CONTENT_LANGUAGES, help="Language of the report.")
        parser.add_argument("--format", default="pdf", choices=FORMATS, dest="file_format")
        parser.add_argument("--output", help="File to write (default: annual-report-<group>-<years>-<lang>.<format>).")

    def handle(self, *args, group, years, lang, file_format, output, **options):
        found = WorkingGroup.objects.filter(code=group).first()
        if found is None:
            raise CommandError(f"No working group with the code {group!r}.")
        try:
            first, _dash, last = years.partition("-")
            first_year, last_year = int(first), int(last or first)
        except ValueError:
            raise CommandError(f"{years!r} is not a year or a span of years such as 2016-2017.") from None
        if last_year < first_year:
            raise CommandError("The span ends before it starts.")
        facts = annual_report_facts(found, first_year, last_year)
        try:
            content = render(facts, lang, file_format)
        except DocumentError as exc:
            raise CommandError(exc.message) from exc
        path = Path(output or f"annual-report-{group}-{years}-{lang}.{file_format}")
        path.write_bytes(content)
        self.stdout.write(f"Wrote {path} ({len(content)} bytes).")
