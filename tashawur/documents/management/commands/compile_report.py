"""``compile_report``: write a consultation's compiled report to a file (Res. 1336 rules 5 and 8)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tashawur.consultations.models import Consultation
from tashawur.core.errors import TashawurError
from tashawur.core.languages import CONTENT_LANGUAGES, content_language
from tashawur.documents.builders import render_compiled_report
from tashawur.documents.models import Edition, Format, Order
from tashawur.documents.selectors import compiled_report


class Command(BaseCommand):
    help = (
        "Write the compiled report of a consultation's published responses as PDF, Word or HTML, "
        "in one of the six UN languages. Nothing is published: use the admin's \"Publish\" for that."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the consultation's public slug")
        parser.add_argument("--format", dest="file_format", choices=Format.values, default=Format.PDF)
        parser.add_argument("--lang", default="en", help="ar, zh (or zh-hans), en, fr, ru or es")
        parser.add_argument("-o", "--output", required=True, help="the file to write ('-' for standard output)")
        parser.add_argument("--edition", choices=Edition.values, default=Edition.PUBLIC,
                            help="'group' adds the responses meant for the group only")
        parser.add_argument("--order", choices=Order.values, default=Order.RESPONDENT)
        parser.add_argument("--no-group-identical", action="store_true",
                            help="show every identical submission separately")

    def handle(self, *args, slug, file_format, lang, output, edition, order, no_group_identical, **options):
        language = content_language(lang)
        if lang.lower().split("-")[0] not in CONTENT_LANGUAGES:
            raise CommandError(f"--lang {lang}: use one of {', '.join(CONTENT_LANGUAGES)}")
        try:
            consultation = Consultation.objects.get(slug=slug)
        except Consultation.DoesNotExist:
            raise CommandError(f"No consultation with the slug {slug!r}.") from None
        try:
            report = compiled_report(consultation, language=language, edition=edition, order=order,
                                     group_identical=not no_group_identical)
            data = render_compiled_report(report, file_format)
        except TashawurError as error:
            raise CommandError(error.message) from error
        if output == "-":
            self.stdout.buffer.write(data) if hasattr(self.stdout, "buffer") else self.stdout.write(data.decode())
        else:
            Path(output).write_bytes(data)
            self.stderr.write(
                f"{output}: {report.response_count} responses, {len(report.entries)} entries, {len(data)} bytes"
            )
