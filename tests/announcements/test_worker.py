"""End to end: the announcement goes through the real django-tasks database queue and worker."""

import pytest
from django.core import mail
from django.core.management import call_command

from tashawur.announcements import services
from tashawur.announcements.models import Announcement, ContactList, Delivery
from tests.announcements.conftest import add_contacts
from tests.factories import ConsultationFactory, UserFactory, role


# serialized_rollback: the database is left as the serialized-rollback tests that follow expect it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_task_worker_sends_an_announcement_started_from_the_service(settings):
    settings.ANNOUNCEMENT_RATE_PER_MINUTE = 6000  # 10 ms apart: the real clock, no fake
    consultation = ConsultationFactory()
    secretariat = UserFactory()
    role(secretariat, consultation.group, "secretariat")
    contact_list = ContactList.objects.create(group=consultation.group, name="Everyone")
    add_contacts(contact_list, 4, languages=("ar", "zh", "ru", "es"))
    announcement = services.create_announcement(actor=secretariat, consultation=consultation,
                                                contact_list=contact_list)
    services.start_announcement(actor=secretariat, announcement=announcement)  # queued when it commits

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--no-reload")

    assert sorted(address for message in mail.outbox for address in message.to) == [
        f"contact00{n}@example.org" for n in range(4)
    ]
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    assert Announcement.objects.get().state == "finished"
