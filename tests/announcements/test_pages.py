import pytest
from django.urls import reverse
from django.core import mail
from django.core.management import call_command

from tashawur.announcements.models import Announcement, ContactList, Delivery
from tests.announcements.conftest import add_contacts, drain
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_secretariat_creates_a_list_and_announces_a_consultation_from_its_pages(
    client, secretariat, consultation, clock, django_capture_on_commit_callbacks,
):
    client.force_login(secretariat)
    assert client.get("/announcements/").status_code == 200
    response = client.post("/announcements/", {"group": consultation.group.pk, "name": "Regional regulators"})
    contact_list = ContactList.objects.get(name="Regional regulators")
    assert response.status_code == 302 and response["Location"] == f"/announcements/lists/{contact_list.pk}/"
    add_contacts(contact_list, 2, languages=("ar", "en"))

    response = client.post("/announcements/new/", {
        "consultation": consultation.pk, "contact_list": contact_list.pk,
        "subject_2": "Invitation to respond", "introduction_2": "Dear colleagues,", "rate_per_minute": "30",
    })
    announcement = Announcement.objects.get()
    assert response["Location"] == f"/announcements/{announcement.pk}/"
    assert (announcement.subject, announcement.rate_per_minute) == ({"en": "Invitation to respond"}, 30)

    page = client.get(f"/announcements/{announcement.pk}/?preview=fr").content.decode()
    assert "Start sending" in page and "Invitation to respond" in page and "Dear colleagues," in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/announcements/{announcement.pk}/start/")
    drain(announcement, clock)

    page = client.get(f"/announcements/{announcement.pk}/").content.decode()
    assert "Progress: 2 of 2 done" in page
    assert len(mail.outbox) == 2


def test_the_preview_of_an_announcement_without_own_text_is_in_the_chosen_language_and_direction(
    client, secretariat, consultation, contact_list,
):
    add_contacts(contact_list, 1)
    client.force_login(secretariat)
    client.post("/announcements/new/", {"consultation": consultation.pk, "contact_list": contact_list.pk})
    announcement = Announcement.objects.get()

    page = client.get(f"/announcements/{announcement.pk}/?preview=ar").content.decode()

    assert '<div lang="ar" dir="rtl">' in page
    assert "الجوانب الإنمائية للإنترنت" in page


def test_the_page_asks_the_secretariat_to_decide_about_interrupted_messages(
    client, secretariat, consultation, contact_list, clock,
):
    add_contacts(contact_list, 2)
    client.force_login(secretariat)
    client.post("/announcements/new/", {"consultation": consultation.pk, "contact_list": contact_list.pk})
    announcement = Announcement.objects.get()
    client.post(f"/announcements/{announcement.pk}/start/")
    interrupted = Delivery.objects.get(address="contact000@example.org")
    Delivery.objects.filter(pk=interrupted.pk).update(status="uncertain")

    page = client.get(f"/announcements/{announcement.pk}/").content.decode()
    assert "Interrupted while sending: your decision" in page and "contact000@example.org" in page
    client.post(f"/announcements/{announcement.pk}/decide/", {"deliveries": [interrupted.pk], "send_again": "no"})

    interrupted.refresh_from_db()
    assert interrupted.status == "skipped"


def test_people_outside_the_secretariat_see_none_of_it(client, secretariat, consultation, contact_list):
    announcement = Announcement.objects.create(consultation=consultation, contact_list=contact_list)
    client.force_login(UserFactory())

    assert client.get("/announcements/").status_code == 403
    assert client.get(f"/announcements/lists/{contact_list.pk}/").status_code == 403
    assert client.get(f"/announcements/{announcement.pk}/").status_code == 403
    assert client.post(f"/announcements/{announcement.pk}/start/").status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, contact_list):
    response = client.get("/announcements/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next=/announcements/"


def test_import_contacts_command_prints_the_report(secretariat, contact_list, tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_bytes("email,name,language\nahmad@example.org,أحمد,ar\nbad,x,en\n".encode("cp1256"))

    call_command("import_contacts", str(contact_list.pk), str(path), "--encoding", "cp1256",
                 "--as-user", secretariat.username)

    out = capsys.readouterr().out
    assert "1 added" in out and "row 3: Invalid e-mail address" in out


def test_the_import_report_makes_a_fixed_number_of_queries(client, secretariat, contact_list,
                                                            django_assert_max_num_queries):
    from tashawur.announcements.services import import_contacts

    rows = "".join(f"bad-address-{n},Name {n}\n" for n in range(60))
    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="bad.csv",
                             data=("email,name\n" + rows).encode())
    client.force_login(secretariat)

    with django_assert_max_num_queries(10):
        page = client.get(f"/announcements/imports/{stored.pk}/")

    assert page.content.decode().count("Invalid e-mail address") == 60


def test_the_announcement_page_makes_a_fixed_number_of_queries(client, secretariat, consultation, contact_list, clock,
                                                                django_assert_max_num_queries):
    from tashawur.announcements import services

    add_contacts(contact_list, 40)
    announcement = services.create_announcement(actor=secretariat, consultation=consultation,
                                                contact_list=contact_list)
    services.start_announcement(actor=secretariat, announcement=announcement)
    Delivery.objects.filter(pk__in=Delivery.objects.values("pk")[:20]).update(status="failed", error="550")
    client.force_login(secretariat)

    with django_assert_max_num_queries(16):
        client.get(f"/announcements/{announcement.pk}/")
