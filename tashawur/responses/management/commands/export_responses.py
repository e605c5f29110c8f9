"""python manage.py export_responses <slug> --format json|csv [--private] [--excel] [-o FILE]"""

import logging
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tashawur.consultations.models import Consultation
from tashawur.responses import export

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Export a consultation's responses as JSON or CSV (UTF-8). Without --private: the published responses "
        "as the public page shows them (redacted texts, no e-mail addresses, no name or organisation of anonymous authors, "
        "no group-only responses). With --private: every response in every status, with names, e-mail "
        "addresses, original and redacted texts and withheld files, for the secretariat."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the consultation's public slug")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--private", action="store_true", help="include personal data and unpublished responses")
        parser.add_argument(
            "--excel", action="store_true",
            help="start the file with a UTF-8 byte order mark, so that Excel reads Arabic and other scripts",
        )
        parser.add_argument("-o", "--output", help="write to this file instead of standard output")

    def handle(self, *args, **options):
        try:
            consultation = Consultation.objects.select_related("group", "topic").get(slug=options["slug"])
        except Consultation.DoesNotExist:
            raise CommandError(f"No consultation has the slug {options['slug']!r}.") from None
        writer = export.write_csv if options["format"] == "csv" else export.write_json
        with self._output(options["output"], excel=options["excel"]) as out:
            count = writer(out, consultation, private=options["private"])
        log.info(
            "responses exported consultation=%s format=%s private=%s count=%d",
            consultation.slug, options["format"], options["private"], count,
        )
        if options["output"]:
            self.stderr.write(f"{count} response(s) written to {options['output']}")

    @contextmanager
    def _output(self, path, *, excel):
        if path:
            with Path(path).open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
                yield handle
            return
        stream = _Unterminated(self.stdout)
        if excel:
            stream.write("\ufeff")
        yield stream


class _Unterminated:
    """The command's stdout, written as is (Django's wrapper would end every write with a newline)."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, ending="")
