from django.core.management.base import BaseCommand

from tashawur.accounts.services import notify_subscribers, send_deadline_reminders


class Command(BaseCommand):
    help = (
        "Mail subscribers about consultations that opened and compiled reports published in the last week, and "
        "the deadline reminders; nothing is sent twice (run it hourly or daily, e.g. from cron)."
    )

    def handle(self, *args, **options):
        notices = notify_subscribers() + send_deadline_reminders()
        for notice in notices:
            self.stdout.write(f"{notice.kind} queued: {notice.consultation.slug} (announcement {notice.pk})")
        self.stdout.write(f"{len(notices)} notice(s) queued or brought up to date.")
