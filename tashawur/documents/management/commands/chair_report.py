"""``chair_report``: write a chair's report (seed 003's shape) to a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tashawur.core.errors import TashawurError
from tashawur.core.languages import CONTENT_LANGUAGES, content_language
from tashawur.documents.builders import render_chair_report
from tashawur.documents.chair import chair_report_data
from tashawur.documents.models import ChairReport, Format


class Command(BaseCommand):
    help = "Write a chair's report (narrative from the admin, facts from the platform) as PDF, Word or HTML."

    def add_arguments(self, parser):
        parser.add_argument("report_id", type=int, help="the chair's report's id in the admin")
        parser.add_argument("--format", dest="file_format", choices=Format.values, default=Format.PDF)
        parser.add_argument("--lang", default="en", help="ar, zh, en, fr, ru or es")
        parser.add_argument("-o", "--output", required=True)

    def handle(self, *args, report_id, file_format, lang, output, **options):
        if lang.lower().split("-")[0] not in CONTENT_LANGUAGES:
            raise CommandError(f"--lang {lang}: use one of {', '.join(CONTENT_LANGUAGES)}")
        try:
            report = ChairReport.objects.get(pk=report_id)
        except ChairReport.DoesNotExist:
            raise CommandError(f"No chair's report with the id {report_id}.") from None
        try:
            data = render_chair_report(chair_report_data(report, language=content_language(lang)), file_format)
        except TashawurError as error:
            raise CommandError(error.message) from error
        Path(output).write_bytes(data)
        self.stderr.write(f"{output}: {len(data)} bytes")
