import datetime as dt

import pytest
import time_machine
from django.core.checks import run_checks
from django.core.management import call_command

from tashawur.announcements import services
from tashawur.announcements.models import Announcement, Delivery
from tashawur.announcements.sending import deliver_batch
from tests.announcements import backends
from tests.announcements.conftest import NOW, add_contacts

pytestmark = pytest.mark.django_db


def crashed_announcement(settings, secretariat, consultation, contact_list, clock):
    settings.EMAIL_BACKEND = "tests.announcements.backends.FailingBackend"
    backends.FailingBackend.allowed, backends.FailingBackend.mode, backends.FailingBackend.failures = 1, "crash_after", 1
    add_contacts(contact_list, 3)
    announcement = services.create_announcement(actor=secretariat, consultation=consultation,
                                                contact_list=contact_list)
    services.start_announcement(actor=secretariat, announcement=announcement)
    with pytest.raises(backends.SimulatedCrash):
        deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep)
    return announcement


def test_the_command_resumes_an_announcement_whose_worker_died(settings, secretariat, consultation, contact_list,
                                                               clock, capsys):
    announcement = crashed_announcement(settings, secretariat, consultation, contact_list, clock)
    Announcement.objects.filter(pk=announcement.pk).update(task_id="")

    with time_machine.travel(NOW + dt.timedelta(minutes=30), tick=False):
        call_command("resume_announcements")

    assert "resumed announcement" in capsys.readouterr().out
    assert Delivery.objects.filter(status="uncertain").count() == 1
    assert Delivery.objects.filter(status="pending").count() == 1


def test_the_command_leaves_an_announcement_that_is_only_waiting_for_the_worker(
    settings, secretariat, consultation, contact_list, clock, capsys,
):
    announcement = crashed_announcement(settings, secretariat, consultation, contact_list, clock)
    services.enqueue_batch(announcement.pk)  # the next batch is queued, the worker is merely busy

    with time_machine.travel(NOW + dt.timedelta(minutes=30), tick=False):
        call_command("resume_announcements")

    assert "0 announcement(s) resumed." in capsys.readouterr().out
    assert Delivery.objects.filter(status="sending").count() == 1


def test_settings_that_make_no_sense_stop_the_system_check(settings):
    settings.ANNOUNCEMENT_RATE_PER_MINUTE = 0
    settings.ANNOUNCEMENT_STALE_SECONDS = 5

    ids = {message.id for message in run_checks()}

    assert {"tashawur.announcements.E001", "tashawur.announcements.E003"} <= ids
