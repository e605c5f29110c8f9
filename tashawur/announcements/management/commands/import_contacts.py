from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tashawur.announcements.csvfile import ENCODINGS
from tashawur.announcements.models import ContactList
from tashawur.announcements.services import import_contacts


class Command(BaseCommand):
    help = "Import a CSV file into a contact list (the same checks and report as the secretariat's page)."

    def add_arguments(self, parser):
        parser.add_argument("list_id", type=int, help="The contact list's id.")
        parser.add_argument("file", type=Path, help="The CSV file.")
        parser.add_argument("--encoding", choices=sorted(ENCODINGS), default="",
                            help="The file's encoding (default: recognise it).")
        parser.add_argument("--as-user", required=True, help="Username of the secretariat member importing it.")

    def handle(self, *args, list_id, file, encoding, as_user, **options):
        try:
            contact_list = ContactList.objects.select_related("group").get(pk=list_id)
            actor = get_user_model().objects.get(username=as_user)
            data = file.read_bytes()
        except (ContactList.DoesNotExist, get_user_model().DoesNotExist, OSError) as exc:
            raise CommandError(str(exc)) from exc
        stored = import_contacts(actor=actor, contact_list=contact_list, filename=file.name, data=data,
                                 encoding=encoding)
        if stored.error:
            raise CommandError(stored.error)
        self.stdout.write(
            f"import {stored.pk}: {stored.rows_read} rows read ({stored.encoding}), {stored.created_count} added, "
            f"{stored.updated_count} updated, {stored.unchanged_count} unchanged, {stored.rejected_count} rejected"
        )
        for row in stored.rejected_rows.all():
            self.stdout.write(f"  row {row.row_number}: {row.get_reason_display()} {row.detail} {row.email}")
