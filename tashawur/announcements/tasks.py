"""Background tasks of announcements, run by the django-tasks database worker (`db_worker`)."""

from django_tasks import task

from tashawur.announcements import sending


@task()
def send_announcement_batch(announcement_id: int) -> dict:
    """Send one batch of an announcement at its rate; the batch queues the next one (issue 7 §5)."""
    return sending.run_batch(announcement_id).as_dict()
