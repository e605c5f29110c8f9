import datetime as dt
from collections import Counter

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django_tasks_db.models import DBTaskResult

from tashawur.announcements import services
from tashawur.announcements.errors import EmptyContactList, InvalidTransition
from tashawur.announcements.models import Bounce, Delivery
from tashawur.announcements.selectors import needing_decision, progress
from tashawur.announcements.sending import MAX_ATTEMPTS, deliver_batch, run_batch
from tests.announcements import backends
from tests.announcements.conftest import add_contacts, drain

pytestmark = pytest.mark.django_db


def started(secretariat, consultation, contact_list, **options):
    announcement = services.create_announcement(actor=secretariat, consultation=consultation,
                                                contact_list=contact_list, **options)
    return services.start_announcement(actor=secretariat, announcement=announcement)


def recipients() -> list[str]:
    return [address for message in mail.outbox for address in message.to]


def test_messages_are_spaced_by_the_announcement_rate(secretariat, consultation, contact_list, clock):
    add_contacts(contact_list, 5)
    announcement = started(secretariat, consultation, contact_list, rate_per_minute=30)

    outcome = deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep, batch_seconds=60)

    assert outcome.sent == 5 and not outcome.more
    assert clock.sleeps == [2.0, 2.0, 2.0, 2.0]  # 30 a minute: one every two seconds, none before the first
    announcement.refresh_from_db()
    assert announcement.state == "finished"
    assert announcement.next_send_at == clock.now + dt.timedelta(seconds=2)


def test_without_its_own_rate_an_announcement_uses_the_setting(settings, secretariat, consultation, contact_list, clock):
    settings.ANNOUNCEMENT_RATE_PER_MINUTE = 120
    add_contacts(contact_list, 3)
    announcement = started(secretariat, consultation, contact_list)

    deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep)

    assert clock.sleeps == [0.5, 0.5]


def test_a_batch_stops_at_its_time_limit_and_queues_the_next_for_when_the_next_message_is_due(
    secretariat, consultation, contact_list, clock,
):
    add_contacts(contact_list, 7)
    announcement = started(secretariat, consultation, contact_list, rate_per_minute=20)  # one every 3 s
    start = clock.now

    first = run_batch(announcement.pk, clock=clock, sleep=clock.sleep, batch_seconds=7)

    assert (first.sent, first.more) == (3, True)  # at 0, 3 and 6 s; the 4th is due at 9 s, after the batch
    assert first.resume_at == start + dt.timedelta(seconds=9)
    queued = DBTaskResult.objects.get(task_path="tashawur.announcements.tasks.send_announcement_batch")
    assert queued.run_after == first.resume_at and queued.args_kwargs["kwargs"] == {"announcement_id": announcement.pk}
    announcement.refresh_from_db()
    assert announcement.task_id == str(queued.id)

    clock.now = first.resume_at - dt.timedelta(seconds=1)  # a worker that picks it up a little early still waits
    second = deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep, batch_seconds=60)

    assert second.sent == 4 and clock.sleeps == [3.0, 3.0, 1.0, 3.0, 3.0, 3.0]
    assert len(mail.outbox) == 7


def test_starting_queues_the_first_batch_once_the_transaction_commits(
    secretariat, consultation, contact_list, django_capture_on_commit_callbacks,
):
    add_contacts(contact_list, 2)
    announcement = services.create_announcement(actor=secretariat, consultation=consultation,
                                                contact_list=contact_list)
    with django_capture_on_commit_callbacks(execute=True):
        services.start_announcement(actor=secretariat, announcement=announcement)

    assert DBTaskResult.objects.filter(task_path__endswith="send_announcement_batch", status="READY").count() == 1
    assert Delivery.objects.filter(announcement=announcement, status="pending").count() == 2


def test_each_contact_receives_the_message_in_their_language(secretariat, consultation, contact_list, clock):
    add_contacts(contact_list, 3, languages=("ar", "fr", "en"))
    announcement = started(secretariat, consultation, contact_list, rate_per_minute=6000)

    drain(announcement, clock)

    by_address = {message.to[0]: message for message in mail.outbox}
    arabic, french, english = (by_address[f"contact00{n}@example.org"] for n in range(3))
    assert arabic.subject == "مشاورة مفتوحة: الجوانب الإنمائية للإنترنت"
    assert "ما هي العوائق الرئيسية أمام النفاذ إلى الإنترنت؟" in arabic.body
    assert arabic.extra_headers["Content-Language"] == "ar"
    assert french.subject == "Consultation ouverte : Aspects de l'Internet liés au développement"
    assert english.subject == "Open consultation: Development aspects of the Internet"
    assert "1. What are the main barriers to Internet access?" in english.body
    assert "development-aspects@consultations.localhost" in english.body
    assert "http://127.0.0.1:8000/consultations/development-aspects/respond/" in english.body
    # The deadline in the group's time zone, and the instant in UTC (Geneva is UTC+1 in January).
    assert "until the end of Jan. 4, 2017, Europe/Zurich time (2017-01-04 23:00 UTC)" in english.body


def test_a_contact_whose_language_has_no_text_of_the_secretariat_receives_english(
    secretariat, consultation, contact_list, clock,
):
    add_contacts(contact_list, 2, languages=("ru", "fr"))
    announcement = started(
        secretariat, consultation, contact_list, rate_per_minute=6000,
        subject={"en": "Invitation: Internet development", "fr": "Invitation : développement de l'Internet"},
        introduction={"en": "Dear colleagues,", "fr": "Chers collègues,"},
    )

    drain(announcement, clock)

    by_address = {message.to[0]: message for message in mail.outbox}
    russian, french = by_address["contact000@example.org"], by_address["contact001@example.org"]
    assert russian.subject == "Invitation: Internet development"
    assert russian.body.startswith("Dear colleagues,") and russian.extra_headers["Content-Language"] == "en"
    assert french.subject == "Invitation : développement de l'Internet" and french.body.startswith("Chers collègues,")


def test_every_message_carries_the_one_click_unsubscribe_headers_and_its_own_bounce_address(
    secretariat, consultation, contact_list, clock,
):
    add_contacts(contact_list, 1)
    announcement = started(secretariat, consultation, contact_list)

    drain(announcement, clock)

    (message,) = mail.outbox
    delivery = Delivery.objects.get()
    headers = message.message()
    assert headers["List-Unsubscribe"] == (
        f"<http://127.0.0.1:8000/unsubscribe/{delivery.token}/>, "
        f"<mailto:unsubscribe+{delivery.token}@consultations.localhost?subject=unsubscribe>"
    )
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["Auto-Submitted"] == "auto-generated"
    assert headers["Message-ID"] == delivery.message_id
    assert headers["From"] == "Tashawur <noreply@localhost>"
    assert message.from_email == f"bounces+{delivery.token}@consultations.localhost"  # the envelope sender
    assert headers["List-Id"].endswith(".invitation.consultations.localhost>")
    assert f"/unsubscribe/{delivery.token}/" in message.body


def test_a_crash_reported_by_the_mail_server_is_resumed_without_sending_twice(
    settings, secretariat, consultation, contact_list, clock,
):
    settings.EMAIL_BACKEND = "tests.announcements.backends.FailingBackend"
    backends.FailingBackend.allowed, backends.FailingBackend.mode, backends.FailingBackend.failures = 4, "error", 1
    add_contacts(contact_list, 10)
    announcement = started(secretariat, consultation, contact_list, rate_per_minute=600)

    first = deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep)

    assert (first.sent, first.more) == (4, True) and "SMTPServerDisconnected" in first.error
    assert Delivery.objects.get(attempts=1, status="pending", error__contains="Connection unexpectedly closed")
    clock.now = first.resume_at
    drain(announcement, clock)

    assert len(mail.outbox) == 10
    assert max(Counter(recipients()).values()) == 1
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


def test_a_worker_that_dies_after_handing_over_a_message_never_sends_it_again(
    settings, secretariat, consultation, contact_list, clock,
):
    settings.EMAIL_BACKEND = "tests.announcements.backends.FailingBackend"
    backends.FailingBackend.allowed, backends.FailingBackend.mode, backends.FailingBackend.failures = 3, "crash_after", 1
    add_contacts(contact_list, 8)
    announcement = started(secretariat, consultation, contact_list, rate_per_minute=600)

    with pytest.raises(backends.SimulatedCrash):
        deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep)
    assert len(mail.outbox) == 4  # the fourth left, but the worker died before recording it
    interrupted = Delivery.objects.get(status="sending")

    clock.advance(settings.ANNOUNCEMENT_STALE_SECONDS + 1)
    services.resume_announcement(actor=secretariat, announcement=announcement, now=clock.now)
    drain(announcement, clock)

    assert len(mail.outbox) == 8 and max(Counter(recipients()).values()) == 1
    interrupted.refresh_from_db()
    assert interrupted.status == "uncertain"
    assert list(needing_decision(announcement, now=clock.now)) == [interrupted]
    assert progress(announcement, now=clock.now).counts == {"sent": 7, "uncertain": 1}


def test_after_a_crash_before_handing_over_the_secretariat_decides_to_send_again(
    settings, secretariat, consultation, contact_list, clock,
):
    settings.EMAIL_BACKEND = "tests.announcements.backends.FailingBackend"
    backends.FailingBackend.allowed, backends.FailingBackend.mode, backends.FailingBackend.failures = 2, "crash_before", 1
    add_contacts(contact_list, 5)
    announcement = started(secretariat, consultation, contact_list, rate_per_minute=600)
    with pytest.raises(backends.SimulatedCrash):
        deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep)
    clock.advance(settings.ANNOUNCEMENT_STALE_SECONDS + 1)
    services.resume_announcement(actor=secretariat, announcement=announcement, now=clock.now)
    drain(announcement, clock)
    assert len(mail.outbox) == 4  # at most once: the interrupted message is not sent on its own

    uncertain = Delivery.objects.get(status="uncertain")
    services.resolve_uncertain(actor=secretariat, announcement=announcement, delivery_ids=[uncertain.pk],
                               send_again=True)
    drain(announcement, clock)

    assert len(mail.outbox) == 5 and sorted(recipients()) == sorted(set(recipients()))
    uncertain.refresh_from_db()
    assert (uncertain.status, uncertain.attempts) == ("sent", 2)


def test_the_secretariat_may_decide_not_to_send_an_interrupted_message_again(
    secretariat, consultation, contact_list, clock,
):
    add_contacts(contact_list, 2)
    announcement = started(secretariat, consultation, contact_list)
    delivery = Delivery.objects.first()
    Delivery.objects.filter(pk=delivery.pk).update(status="uncertain")

    services.resolve_uncertain(actor=secretariat, announcement=announcement, delivery_ids=[delivery.pk],
                               send_again=False)
    drain(announcement, clock)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.skip_reason) == ("skipped", "not_resent")
    assert recipients() == ["contact001@example.org"]


def test_a_message_being_sent_now_is_not_taken_for_an_interrupted_one(secretariat, consultation, contact_list, clock):
    add_contacts(contact_list, 2)
    announcement = started(secretariat, consultation, contact_list)
    Delivery.objects.filter(address="contact000@example.org").update(status="sending", claimed_at=clock.now)

    services.resume_announcement(actor=secretariat, announcement=announcement, now=clock.now + dt.timedelta(seconds=30))

    assert Delivery.objects.get(address="contact000@example.org").status == "sending"


def test_only_one_sender_can_claim_a_delivery(secretariat, consultation, contact_list):
    add_contacts(contact_list, 1)
    started(secretariat, consultation, contact_list)
    delivery = Delivery.objects.get()

    first = Delivery.objects.filter(pk=delivery.pk, status="pending").update(status="sending")
    second = Delivery.objects.filter(pk=delivery.pk, status="pending").update(status="sending")

    assert (first, second) == (1, 0)


def test_the_database_refuses_a_second_delivery_of_an_announcement_to_an_address(secretariat, consultation,
                                                                                 contact_list):
    add_contacts(contact_list, 1)
    announcement = started(secretariat, consultation, contact_list)

    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(announcement=announcement, address="contact000@example.org")


def test_an_announcement_is_started_once_and_never_to_an_empty_list(secretariat, consultation, contact_list):
    empty = services.create_announcement(actor=secretariat, consultation=consultation, contact_list=contact_list)
    with pytest.raises(EmptyContactList):
        services.start_announcement(actor=secretariat, announcement=empty)
    add_contacts(contact_list, 2)
    announcement = started(secretariat, consultation, contact_list)

    with pytest.raises(InvalidTransition):
        services.start_announcement(actor=secretariat, announcement=announcement)
    assert Delivery.objects.count() == 2


def test_a_paused_announcement_sends_nothing_until_resumed(secretariat, consultation, contact_list, clock):
    add_contacts(contact_list, 3)
    announcement = started(secretariat, consultation, contact_list)
    services.pause_announcement(actor=secretariat, announcement=announcement)

    assert deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep).sent == 0
    services.resume_announcement(actor=secretariat, announcement=announcement, now=clock.now)
    drain(announcement, clock)

    assert len(mail.outbox) == 3


def test_a_recipient_the_server_refuses_is_recorded_as_a_hard_bounce_and_the_others_are_sent(
    settings, secretariat, consultation, contact_list, clock,
):
    settings.EMAIL_BACKEND = "tests.announcements.backends.RefusingBackend"
    backends.RefusingBackend.code, backends.RefusingBackend.reply, backends.RefusingBackend.times = (
        550, b"5.1.1 User unknown", 1)
    add_contacts(contact_list, 3)
    announcement = started(secretariat, consultation, contact_list)

    drain(announcement, clock)

    assert sorted(recipients()) == ["contact000@example.org", "contact002@example.org"]
    refused = Delivery.objects.get(address="contact001@example.org")
    assert refused.status == "failed" and "User unknown" in refused.error
    bounce = Bounce.objects.get()
    assert (bounce.address, bounce.permanent, bounce.delivery) == ("contact001@example.org", True, refused)


def test_a_message_the_server_keeps_failing_is_given_up_after_the_last_attempt(
    settings, secretariat, consultation, contact_list, clock,
):
    settings.EMAIL_BACKEND = "tests.announcements.backends.FailingBackend"
    backends.FailingBackend.allowed, backends.FailingBackend.mode, backends.FailingBackend.failures = 0, "error", 99
    add_contacts(contact_list, 1)
    announcement = started(secretariat, consultation, contact_list)

    outcomes = drain(announcement, clock)

    assert len(outcomes) == MAX_ATTEMPTS + 1 and not mail.outbox
    assert Delivery.objects.get().status == "failed"


def test_a_greylisted_recipient_is_tried_again_later_while_the_others_are_sent(
    settings, secretariat, consultation, contact_list, clock,
):
    settings.EMAIL_BACKEND = "tests.announcements.backends.RefusingBackend"
    backends.RefusingBackend.code, backends.RefusingBackend.reply, backends.RefusingBackend.times = (
        450, b"4.7.1 Greylisted, try again later", 2)
    add_contacts(contact_list, 3)
    announcement = started(secretariat, consultation, contact_list, rate_per_minute=600)
    start = clock.now

    first = deliver_batch(announcement_id=announcement.pk, clock=clock, sleep=clock.sleep)

    assert (first.sent, first.more) == (2, True)
    greylisted = Delivery.objects.get(address="contact001@example.org")
    assert (greylisted.status, greylisted.retry_at) == ("pending", start + dt.timedelta(seconds=0.1 + 60))
    assert first.resume_at == greylisted.retry_at
    drain(announcement, clock)

    assert sorted(recipients()) == [f"contact00{n}@example.org" for n in range(3)]
    greylisted.refresh_from_db()
    assert (greylisted.status, greylisted.attempts) == ("sent", 3)
    assert not Bounce.objects.exists()
