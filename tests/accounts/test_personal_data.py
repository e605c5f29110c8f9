import json

import pytest
from django.contrib.auth import get_user_model

from tashawur.accounts.errors import StaffAccount
from tashawur.accounts.models import Subscription
from tashawur.accounts.services import delete_personal_data
from tashawur.announcements.models import Contact, ContactList, Unsubscribe
from tashawur.responses.models import AuditEvent, Response
from tests.accounts.conftest import PASSWORD, response, stakeholder

pytestmark = pytest.mark.django_db


@pytest.fixture
def amina_with_data(consultation, amina):
    Subscription.objects.create(user=amina, group=consultation.group, kind="deadline_reminder")
    response(consultation, "amina@example.org", status="published", answer="Affordable access first.")
    contact_list = ContactList.objects.create(group=consultation.group, name="Civil society")
    Contact.objects.create(contact_list=contact_list, email="amina@example.org", name="أمينة حداد", language="ar")
    return amina


def test_my_personal_data_downloads_as_json(client, amina_with_data):
    client.force_login(amina_with_data)

    download = client.get("/account/my-data.json")

    assert download["Content-Type"] == "application/json; charset=utf-8"
    assert download["Content-Disposition"] == 'attachment; filename="tashawur-personal-data.json"'
    data = json.loads(download.content)
    assert data["account"]["email"] == "amina@example.org"
    assert data["subscriptions"] == [{"group": amina_with_data.subscriptions.get().group.code,
                                      "notice": "deadline_reminder", "since": data["subscriptions"][0]["since"]}]
    (sent,) = data["responses"]
    assert (sent["author_name"], sent["status"], sent["consultation"]) == ("Amina Haddad", "published",
                                                                          "development-aspects")
    assert sent["answers"][0]["text"] == "Affordable access first."
    assert data["contact_lists"][0]["name"] == "أمينة حداد"
    assert "أمينة حداد".encode() in download.content  # readable UTF-8, not \\u escapes


def test_deleting_my_data_removes_the_account_and_subscriptions_and_anonymises_my_responses_on_request(
    client, amina_with_data,
):
    client.force_login(amina_with_data)

    page = client.post("/account/delete/", {"password": PASSWORD, "anonymise": "on", "confirm": "on"})

    assert page.status_code == 200 and b"removed from 1 response." in page.content
    assert not get_user_model().objects.exists() and not Subscription.objects.exists()
    kept = Response.objects.get()
    assert (kept.author_name, kept.author_email, kept.publication) == ("", "", "anonymous")
    assert kept.answers.get().text == "Affordable access first."  # the input stays
    event = AuditEvent.objects.get(response=kept)
    assert (event.action, event.actor) == ("edited", None)
    assert event.details["erased"] == ["author_name", "author_email"]
    assert "amina" not in json.dumps(event.details).lower()  # the log does not keep what it erased
    assert not Contact.objects.exists()
    assert Unsubscribe.objects.get().source == "erasure"
    assert client.get("/account/").status_code == 302  # logged out


def test_without_the_request_responses_keep_their_author(amina_with_data):
    delete_personal_data(user=amina_with_data, anonymise=False)

    assert Response.objects.get().author_name == "Amina Haddad"
    assert not AuditEvent.objects.exists()


def test_an_unconfirmed_account_cannot_touch_what_belongs_to_the_address(consultation):
    impostor = stakeholder("amina@example.org", confirmed=False)
    response(consultation, "amina@example.org")
    contact_list = ContactList.objects.create(group=consultation.group, name="Civil society")
    Contact.objects.create(contact_list=contact_list, email="amina@example.org")

    delete_personal_data(user=impostor, anonymise=True)

    assert Response.objects.get().author_email == "amina@example.org"
    assert Contact.objects.exists() and not Unsubscribe.objects.exists()


def test_deletion_needs_the_password_and_the_confirmation(client, amina_with_data):
    client.force_login(amina_with_data)

    page = client.post("/account/delete/", {"password": "wrong", "confirm": "on"})

    assert b"The password is not right." in page.content
    assert get_user_model().objects.exists()


def test_a_staff_account_is_not_deleted_from_the_stakeholder_page(db):
    staff = stakeholder("officer@itu.example", is_staff=True)

    with pytest.raises(StaffAccount):
        delete_personal_data(user=staff, anonymise=False)
