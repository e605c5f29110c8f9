from django.core.management.base import BaseCommand

from tashawur.search.indexing import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index from scratch: every consultation and question, every published "
        "(not group-only) response and its unwithheld attachments. Safe to run at any time."
    )

    def handle(self, *args, **options):
        counts = rebuild_index()
        self.stdout.write(
            f"Indexed {counts['consultations']} consultation(s) and {counts['responses']} response(s): "
            f"{counts['documents']} document(s)."
        )
