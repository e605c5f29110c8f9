import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from tashawur.accounts.models import Account
from tests.accounts.conftest import PASSWORD, stakeholder

pytestmark = pytest.mark.django_db
SIGN_UP = {"email": "Amina@Example.org", "name": "Amina Haddad", "language": "ar", "password1": PASSWORD,
           "password2": PASSWORD}


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_signing_up_mails_a_link_that_confirms_the_address_when_its_button_is_pressed(
    client, django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post("/account/sign-up/", SIGN_UP)

    assert page.status_code == 200 and b"amina@example.org" in page.content
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"] and message.extra_headers["Content-Language"] == "ar"
    link = link_in(message)
    account = Account.objects.get(user__username="amina@example.org")
    assert client.get(link).status_code == 200
    account.refresh_from_db()
    assert account.email_confirmed_at is None  # a mail scanner opening the link confirms nothing

    confirmed = client.post(link)

    assert confirmed.status_code == 302 and confirmed["Location"] == "/account/"
    account.refresh_from_db()
    assert account.email_confirmed_at is not None and account.language == "ar"
    assert client.get("/account/").status_code == 200  # signed in by the confirmation
    assert client.post(link).status_code == 400  # the link is spent


def test_signing_up_with_a_known_address_makes_no_second_account_and_tells_its_owner(
    client, django_capture_on_commit_callbacks,
):
    cache.clear()
    stakeholder("amina@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        page = client.post("/account/sign-up/", SIGN_UP)
        client.post("/account/sign-up/", SIGN_UP)  # again: no second note within the hour

    assert page.status_code == 200  # the same page: the form does not reveal who is registered
    assert get_user_model().objects.count() == 1
    (message,) = mail.outbox
    assert "already has one" in message.body and "/account/password/" in message.body


def test_a_weak_password_or_two_different_ones_are_refused(client):
    weak = client.post("/account/sign-up/", {**SIGN_UP, "password1": "123", "password2": "123"})
    different = client.post("/account/sign-up/", {**SIGN_UP, "password2": PASSWORD + "!"})

    assert b"error-summary" in weak.content and b"The two passwords differ." in different.content
    assert not get_user_model().objects.exists()


def test_a_stakeholder_logs_in_with_their_address_in_any_case(client):
    stakeholder("amina@example.org")

    response = client.post("/account/log-in/", {"username": "AMINA@example.org", "password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/account/"


def test_account_pages_ask_for_log_in(client):
    response = client.get("/account/subscriptions/")

    assert response.status_code == 302 and response["Location"].startswith("/account/log-in/?next=")


def test_a_forgotten_password_is_replaced_through_a_mailed_link(client):
    stakeholder("amina@example.org")

    client.post("/account/password/", {"email": "amina@example.org"})
    link = link_in(mail.outbox[0])
    form_page = client.get(link, follow=True)
    client.post(form_page.redirect_chain[-1][0], {"new_password1": "an even longer passphrase 42",
                                                  "new_password2": "an even longer passphrase 42"})

    assert client.login(username="amina@example.org", password="an even longer passphrase 42")
