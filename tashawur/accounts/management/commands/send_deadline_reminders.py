from django.conf import settings
from django.core.management.base import BaseCommand

from tashawur.accounts.services import send_deadline_reminders


class Command(BaseCommand):
    help = (
        "Mail the subscribers of a group a reminder DAYS days before each response deadline, once per "
        "consultation (run it daily, e.g. from cron; the task worker sends the messages)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None,
                            help=f"Days before the deadline (default: DEADLINE_REMINDER_DAYS, now "
                                 f"{settings.DEADLINE_REMINDER_DAYS}).")

    def handle(self, *args, days=None, **options):
        notices = send_deadline_reminders(days=days)
        for notice in notices:
            self.stdout.write(f"reminder queued: {notice.consultation.slug} (announcement {notice.pk})")
        self.stdout.write(f"{len(notices)} reminder(s) queued or brought up to date.")
