import codecs
import csv
import io
from pathlib import Path

import pytest

from tashawur.announcements.models import Bounce, Contact, ContactImport, Unsubscribe
from tashawur.announcements.services import import_contacts
from tashawur.core.errors import NotAllowed
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[1] / "data" / "contacts"


def load(name: str) -> bytes:
    return (DATA / name).read_bytes()


def rejected(stored: ContactImport) -> list[tuple[int, str]]:
    return list(stored.rejected_rows.values_list("row_number", "reason"))


def test_good_rows_are_imported_and_bad_rows_reported_with_row_number_and_reason(contact_list, secretariat):
    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="mixed.csv",
                             data=load("mixed-utf8-bom.csv"))

    assert stored.state == "done" and stored.encoding == "UTF-8 (with BOM)"
    assert (stored.rows_read, stored.created_count, stored.rejected_count) == (10, 4, 6)
    assert rejected(stored) == [
        (4, "invalid_email"), (5, "duplicate"), (7, "language"), (8, "missing_email"), (10, "country"),
        (11, "stakeholder"),
    ]
    assert stored.rejected_rows.get(row_number=5).detail == "2"  # first seen in row 2
    contacts = {contact.email: contact for contact in Contact.objects.filter(contact_list=contact_list)}
    assert set(contacts) == {"amina.haddad@example.org", "j.smith@example.org", "li.wei@example.cn",
                             "marie@example.fr"}
    amina = contacts["amina.haddad@example.org"]
    assert (amina.name, amina.organisation, amina.language, amina.country, amina.stakeholder_group) == (
        "أمينة حداد", "مختبر الحقوق الرقمية", "ar", "TN", "civil_society")
    assert contacts["li.wei@example.cn"].name == "李伟"
    marie = contacts["marie@example.fr"]
    assert (marie.language, marie.country, marie.stakeholder_group) == ("fr", "FR", "government")
    assert contacts["j.smith@example.org"].stakeholder_group == "academic_technical"


def test_the_uploaded_bytes_are_stored_before_they_are_read(contact_list, secretariat):
    data = load("mixed-utf8-bom.csv")
    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="mixed.csv", data=data)

    assert bytes(ContactImport.objects.get(pk=stored.pk).raw) == data


def test_an_arabic_windows_1256_file_is_recognised(contact_list, secretariat):
    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="ar.csv",
                             data=load("arabic-cp1256.csv"))

    assert stored.encoding == "Windows-1256" and stored.created_count == 3
    names = set(Contact.objects.values_list("name", flat=True))
    assert names == {"أحمد المنصوري", "فاطمة الزهراء بن علي", "خالد العتيبي"}
    assert Contact.objects.get(email="fatima@example.org").organisation == "وزارة الاتصالات وتقنية المعلومات"


def test_a_french_windows_1252_file_is_recognised(contact_list, secretariat):
    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="fr.csv",
                             data=load("french-cp1252.csv"))

    assert stored.encoding == "Windows-1252"
    assert set(Contact.objects.values_list("name", flat=True)) == {"François Lefèvre", "Zoë Müller", "Éric Besançon"}


def test_the_secretariat_can_name_the_encoding_when_recognition_is_unsure(contact_list, secretariat):
    data = "email,name\nali@example.org,علي\n".encode("cp1256")  # too short to recognise with confidence

    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="short.csv", data=data,
                             encoding="cp1256")

    assert stored.encoding == "Windows-1256"
    assert Contact.objects.get().name == "علي"


def test_a_file_that_is_not_in_the_named_encoding_is_refused_whole(contact_list, secretariat):
    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="x.csv",
                             data="email\nzoë@example.org\n".encode("cp1252"), encoding="utf-8")

    assert stored.state == "failed" and "UTF-8" in stored.error
    assert not Contact.objects.exists()


def test_a_semicolon_separated_export_is_read(contact_list, secretariat):
    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="semi.csv",
                             data=load("arabic-semicolon-utf8.csv"))

    assert stored.created_count == 3 and stored.encoding == "UTF-8"


def test_unsubscribed_and_bounced_addresses_are_rejected(contact_list, secretariat):
    Unsubscribe.objects.create(address="ahmad@example.org", source="web")
    Bounce.objects.create(address="khalid@example.org", reason="5.1.1 user unknown", permanent=True)
    Bounce.objects.create(address="fatima@example.org", reason="4.2.2 mailbox full", permanent=False)

    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="ar.csv",
                             data=load("arabic-cp1256.csv"))

    assert rejected(stored) == [(2, "unsubscribed"), (4, "bounced")]
    assert list(Contact.objects.values_list("email", flat=True)) == ["fatima@example.org"]


def test_importing_again_updates_changed_contacts_and_keeps_the_others(contact_list, secretariat):
    import_contacts(actor=secretariat, contact_list=contact_list, filename="ar.csv", data=load("arabic-cp1256.csv"))
    changed = codecs.BOM_UTF8 + (
        "email,name,language\r\nAHMAD@example.org,أحمد المنصوري,fr\r\nkhalid@example.org,خالد العتيبي,ar\r\n"
        "new@example.org,New Person,es\r\n"
    ).encode("utf-8")

    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="again.csv", data=changed)

    assert (stored.created_count, stored.updated_count, stored.unchanged_count) == (1, 2, 0)
    assert Contact.objects.count() == 4
    assert Contact.objects.get(email="ahmad@example.org").language == "fr"


def test_a_workbook_or_a_file_without_email_column_is_refused_whole_with_the_reason(contact_list, secretariat):
    workbook = import_contacts(actor=secretariat, contact_list=contact_list, filename="list.xlsx",
                               data=b"PK\x03\x04" + b"\x00" * 100)
    no_email = import_contacts(actor=secretariat, contact_list=contact_list, filename="list.csv",
                               data=b"name,organisation\nJohn,ISOC\n")

    assert workbook.state == "failed" and "CSV" in workbook.error
    assert no_email.state == "failed" and "email" in no_email.error
    assert not Contact.objects.exists()


def test_only_the_secretariat_of_the_group_imports(contact_list):
    with pytest.raises(NotAllowed):
        import_contacts(actor=UserFactory(), contact_list=contact_list, filename="ar.csv",
                        data=load("arabic-cp1256.csv"))
    assert not ContactImport.objects.exists()


def test_the_secretariat_uploads_a_file_and_reads_the_report_of_rejected_rows(client, contact_list, secretariat):
    client.force_login(secretariat)
    upload = io.BytesIO(load("mixed-utf8-bom.csv"))
    upload.name = "mixed.csv"

    response = client.post(f"/announcements/lists/{contact_list.pk}/import/", {"file": upload, "encoding": ""},
                           follow=True)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Import report" in page and "Duplicate in the file" in page and "first in row 2" in page
    assert "Invalid e-mail address" in page and "Unknown language" in page
    stored = ContactImport.objects.get()
    report = client.get(f"/announcements/imports/{stored.pk}/rejected.csv")
    text = report.content.decode("utf-8")
    assert report["Content-Type"].startswith("text/csv") and text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["row", "reason", "detail"] and len(rows) == 7
    assert rows[2][:2] == ["5", "Duplicate in the file"] and "أمينة حداد" in rows[2]


def test_the_report_download_cannot_run_a_formula_in_a_spreadsheet(client, contact_list, secretariat):
    data = b"email,name\n=HYPERLINK(\"http://evil\"),x\n"
    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="evil.csv", data=data)
    client.force_login(secretariat)

    text = client.get(f"/announcements/imports/{stored.pk}/rejected.csv").content.decode()

    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_someone_outside_the_secretariat_cannot_see_an_import_report(client, contact_list, secretariat):
    stored = import_contacts(actor=secretariat, contact_list=contact_list, filename="ar.csv",
                             data=load("arabic-cp1256.csv"))
    client.force_login(UserFactory())

    assert client.get(f"/announcements/imports/{stored.pk}/").status_code == 403
    assert client.get(f"/announcements/imports/{stored.pk}/rejected.csv").status_code == 403
