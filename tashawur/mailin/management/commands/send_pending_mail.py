from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from tashawur.mailin.models import OutboundMail
from tashawur.responses.notifications import send_recorded_mail


class Command(BaseCommand):
    help = (
        "Send again the recorded mail (acknowledgements, refusals, confirmation links) that could not be sent, "
        "e.g. while the SMTP server was down. Safe to run from cron: a sent message is never sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=60, help="Only mail recorded at least this many seconds ago.")

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(seconds=options["older_than"])
        pending = OutboundMail.objects.filter(sent_at__isnull=True, created_at__lte=cutoff).order_by("pk")
        sent = failed = 0
        for mail_id in pending.values_list("pk", flat=True):
            send_recorded_mail(mail_id)
            if OutboundMail.objects.filter(pk=mail_id, sent_at__isnull=False).exists():
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"{sent} sent, {failed} still failing.")
        if failed:
            raise SystemExit(1)
