import pytest
from django.core import mail
from django.test import Client

from tashawur.announcements import services
from tashawur.announcements.errors import UnknownToken
from tashawur.announcements.models import Delivery, Unsubscribe
from tashawur.announcements.services import parse_list_address
from tests.announcements.conftest import add_contacts, drain

pytestmark = pytest.mark.django_db


def started(secretariat, consultation, contact_list):
    announcement = services.create_announcement(actor=secretariat, consultation=consultation, contact_list=contact_list)
    return services.start_announcement(actor=secretariat, announcement=announcement)


def unsubscribe_url(message) -> str:
    https_part = message.message()["List-Unsubscribe"].split(",")[0].strip()
    return https_part.strip("<>").removeprefix("http://127.0.0.1:8000")


def test_one_click_unsubscribe_needs_no_login_or_csrf_token_and_is_honoured_by_the_next_announcement(
    secretariat, consultation, contact_list, clock,
):
    add_contacts(contact_list, 3)
    drain(started(secretariat, consultation, contact_list), clock)
    message = next(message for message in mail.outbox if message.to == ["contact001@example.org"])

    # What a mail program does for RFC 8058: a POST with this exact body, no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url(message), data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    unsubscribe = Unsubscribe.objects.get()
    assert (unsubscribe.address, unsubscribe.source) == ("contact001@example.org", "one_click")
    mail.outbox.clear()
    second = started(secretariat, consultation, contact_list)
    drain(second, clock)
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "contact000@example.org", "contact002@example.org",
    ]
    skipped = Delivery.objects.get(announcement=second, address="contact001@example.org")
    assert (skipped.status, skipped.skip_reason) == ("skipped", "unsubscribed")


def test_opening_the_link_shows_a_button_and_changes_nothing(client, secretariat, consultation, contact_list, clock):
    add_contacts(contact_list, 1)
    drain(started(secretariat, consultation, contact_list), clock)
    url = unsubscribe_url(mail.outbox[0])

    page = client.get(url)

    assert page.status_code == 200 and b'<button type="submit">Unsubscribe</button>' in page.content
    assert not Unsubscribe.objects.exists()
    done = client.post(url)
    assert b"will receive no more invitations" in done.content
    assert Unsubscribe.objects.get().source == "web"
    client.post(url)  # a second click changes nothing
    assert Unsubscribe.objects.count() == 1


def test_an_unsubscribe_during_sending_stops_the_messages_not_yet_sent(secretariat, consultation, contact_list, clock):
    add_contacts(contact_list, 3)
    announcement = started(secretariat, consultation, contact_list)
    other = services.create_announcement(actor=secretariat, consultation=consultation, contact_list=contact_list)
    services.start_announcement(actor=secretariat, announcement=other)
    services.unsubscribe(token=Delivery.objects.get(announcement=other, address="contact002@example.org").token)

    drain(announcement, clock)

    assert "contact002@example.org" not in [address for message in mail.outbox for address in message.to]
    assert Delivery.objects.get(announcement=announcement, address="contact002@example.org").status == "skipped"


def test_an_unknown_token_is_a_clear_404(client):
    response = client.post("/unsubscribe/" + "0" * 32 + "/", data={"List-Unsubscribe": "One-Click"})

    assert response.status_code == 404 and b"not known" in response.content
    with pytest.raises(UnknownToken):
        services.unsubscribe(token="f" * 32)


def test_the_mail_pipeline_can_tell_the_platform_list_addresses_from_others(settings):
    token = "0123456789abcdef0123456789abcdef"

    assert parse_list_address(f"<unsubscribe+{token}@consultations.localhost>") == ("unsubscribe", token)
    assert parse_list_address(f"BOUNCES+{token.upper()}@Consultations.Localhost") == ("bounces", token)
    assert parse_list_address(f"development-aspects+{token}@consultations.localhost") is None
    assert parse_list_address(f"unsubscribe+{token}@elsewhere.example") is None
    assert parse_list_address("unsubscribe+short@consultations.localhost") is None
