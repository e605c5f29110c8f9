from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the .po catalogues under LOCALE_PATHS to .mo (with Babel; GNU gettext is not needed)."

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                try:
                    with po_path.open("rb") as handle:
                        catalog = read_po(handle, locale=po_path.parent.parent.name)
                except Exception as exc:  # Babel raises several kinds for a malformed catalogue
                    raise CommandError(f"{po_path}: {exc}") from exc
                with mo_path.open("wb") as handle:
                    write_mo(handle, catalog, use_fuzzy=False)
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
