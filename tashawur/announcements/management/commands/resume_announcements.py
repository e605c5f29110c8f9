from django.core.management.base import BaseCommand
from django.utils import timezone

from tashawur.announcements import selectors
from tashawur.announcements.services import resume_announcement
from tashawur.announcements.tasks import send_announcement_batch


def _waiting_in_queue(announcement) -> bool:
    """True when the announcement's next batch is queued and simply waiting for a worker."""
    if not announcement.task_id:
        return False
    try:
        return send_announcement_batch.get_result(announcement.task_id).status == "READY"
    except Exception:  # the result was pruned, or the backend keeps none
        return False


class Command(BaseCommand):
    help = (
        "Resume announcements that a crashed worker left half-sent (run it after a crash, or every few minutes "
        "from cron). Messages interrupted mid-send are marked uncertain for the secretariat, never sent twice."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        resumed = 0
        for announcement in selectors.stalled_announcements(now=now):
            if _waiting_in_queue(announcement):
                continue
            resume_announcement(actor=None, announcement=announcement, now=now)
            self.stdout.write(f"resumed announcement {announcement.pk}")
            resumed += 1
        self.stdout.write(f"{resumed} announcement(s) resumed.")
