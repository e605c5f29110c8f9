import pytest
from django.core import mail

from tashawur.announcements import services
from tashawur.announcements.models import Bounce, Delivery
from tashawur.announcements.services import record_bounce, record_bounce_for_token
from tests.announcements.conftest import add_contacts, drain

pytestmark = pytest.mark.django_db


def started(secretariat, consultation, contact_list):
    announcement = services.create_announcement(actor=secretariat, consultation=consultation, contact_list=contact_list)
    return services.start_announcement(actor=secretariat, announcement=announcement)


def test_a_contact_with_a_hard_bounce_is_not_mailed_again(secretariat, consultation, contact_list, clock):
    add_contacts(contact_list, 2)
    first = started(secretariat, consultation, contact_list)
    drain(first, clock)
    sent = Delivery.objects.get(announcement=first, address="contact000@example.org")

    bounce = record_bounce("Contact000@Example.org", "smtp; 550 5.1.1 <contact000@example.org>: user unknown")
    mail.outbox.clear()
    second = started(secretariat, consultation, contact_list)
    drain(second, clock)

    assert (bounce.permanent, bounce.address, bounce.delivery) == (True, "contact000@example.org", sent)
    assert [message.to for message in mail.outbox] == [["contact001@example.org"]]
    skipped = Delivery.objects.get(announcement=second, address="contact000@example.org")
    assert (skipped.status, skipped.skip_reason) == ("skipped", "bounced")


def test_a_soft_bounce_is_recorded_but_does_not_stop_mail(secretariat, consultation, contact_list, clock):
    add_contacts(contact_list, 1)
    record_bounce("contact000@example.org", "smtp; 452 4.2.2 mailbox full")

    drain(started(secretariat, consultation, contact_list), clock)

    assert Bounce.objects.get().permanent is False
    assert len(mail.outbox) == 1


def test_a_bounce_to_the_verp_address_names_its_delivery(secretariat, consultation, contact_list, clock):
    add_contacts(contact_list, 2)
    drain(started(secretariat, consultation, contact_list), clock)
    delivery = Delivery.objects.get(address="contact001@example.org")

    bounce = record_bounce_for_token(delivery.token, "5.2.1 mailbox disabled")

    assert (bounce.address, bounce.delivery, bounce.permanent) == ("contact001@example.org", delivery, True)
    assert record_bounce_for_token("0" * 32, "5.1.1") is None


def test_the_caller_may_say_whether_a_bounce_is_permanent():
    assert record_bounce("a@example.org", "mailbox full", permanent=False).permanent is False
    assert record_bounce("b@example.org", "no status code at all").permanent is True
