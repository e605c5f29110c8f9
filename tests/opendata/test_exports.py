"""Bulk exports from the public page and the API: CSV, JSON, NDJSON and a ZIP, with a data dictionary."""

import csv
import io
import json
import zipfile

import pytest

pytestmark = pytest.mark.django_db
SLUG = "development-aspects"


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_consultation_page_links_every_export_feed_and_calendar(client, world):
    page = client.get(f"/consultations/{SLUG}/").content.decode()
    for path in (f"/opendata/consultations/{SLUG}/export.csv", f"/opendata/consultations/{SLUG}/export.json",
                 f"/opendata/consultations/{SLUG}/export.ndjson", f"/opendata/consultations/{SLUG}/export.zip",
                 "/opendata/dictionary/", f"/opendata/consultations/{SLUG}/responses.atom",
                 f"/opendata/groups/{world['named'].consultation.group.code}/calendar.ics"):
        assert f'href="{path}"' in page, path


def test_csv_has_one_row_per_public_response_and_a_column_per_question(client, world):
    response = client.get(f"/opendata/consultations/{SLUG}/export.csv")
    text = content(response).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))

    assert response["Content-Disposition"] == f'attachment; filename="{SLUG}-responses.csv"'
    assert text.startswith("\ufeff") and 'rel="describedby"' in response["Link"]
    assert {row["receipt_number"] for row in rows} == {world["named"].receipt_number, world["anonymous"].receipt_number}
    named = next(row for row in rows if row["publication"] == "named")
    assert named["answer_1"].startswith("Affordable access") and named["answer_3"] == "Local content."
    anonymous = next(row for row in rows if row["publication"] == "anonymous")
    assert anonymous["author_name"] == "" and anonymous["answer_1"] == "Spectrum policy matters most."


def test_json_and_ndjson_hold_the_same_records(client, world):
    document = json.loads(content(client.get(f"/opendata/consultations/{SLUG}/export.json")))
    lines = content(client.get(f"/opendata/consultations/{SLUG}/export.ndjson")).decode().splitlines()

    assert document["data_dictionary"].endswith("/opendata/dictionary/")
    assert [json.loads(line) for line in lines] == document["responses"]
    assert [attachment["filename"] for attachment in document["responses"][0]["attachments"]] == ["position.txt"]


def test_the_api_serves_the_same_exports(api, world):
    for fmt in ("csv", "json", "ndjson"):
        through_api = content(api.get(f"/api/v1/consultations/{SLUG}/export/{fmt}/", HTTP_ACCEPT="*/*"))
        on_the_site = content(api.get(f"/opendata/consultations/{SLUG}/export.{fmt}"))
        if fmt == "json":
            through_api, on_the_site = (json.loads(data) for data in (through_api, on_the_site))
            through_api.pop("generated_at"), on_the_site.pop("generated_at")
        assert through_api == on_the_site
    assert api.get(f"/api/v1/consultations/{SLUG}/export/csv/", HTTP_ACCEPT="text/csv").status_code == 200
    assert api.get(f"/api/v1/consultations/{SLUG}/export/xlsx/").status_code == 404


def test_the_zip_has_the_files_a_manifest_with_hashes_and_the_dictionary(client, world):
    archive = zipfile.ZipFile(io.BytesIO(content(client.get(f"/opendata/consultations/{SLUG}/export.zip"))))
    attachment = world["named"].attachments.get(filename="position.txt")
    path = f"attachments/{world['named'].receipt_number}/{attachment.pk}-position.txt"

    assert archive.read(path) == b"Community networks connect villages."
    manifest = list(csv.DictReader(io.StringIO(archive.read("attachments.csv").decode("utf-8-sig"))))
    assert [(row["path"], row["sha256"]) for row in manifest] == [(path, attachment.sha256)]
    assert "receipt_number (string)" in archive.read("README.txt").decode()


def test_the_data_dictionary_is_a_page_and_json_in_the_reader_language(client):
    page = client.get("/opendata/dictionary/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<code dir=\"ltr\">author_name</code>" in page
    data = client.get("/opendata/dictionary.json").json()
    assert "attachments" in {field["name"] for field in data["fields"]}
    assert {entry["format"] for entry in data["formats"]} == {"csv", "json", "ndjson", "zip"}


def test_an_unknown_consultation_has_no_export(client, db):
    assert client.get("/opendata/consultations/nothing-here/export.csv").status_code == 404


def test_exports_make_a_fixed_number_of_queries(client, world, consultation, secretariat,
                                                django_assert_max_num_queries):
    from tashawur.responses.services import publish_response
    from tests.opendata_world import submit

    for number in range(4):
        publish_response(actor=secretariat, response=submit(
            consultation, answers=(f"Answer {number}.",), attachments=[(f"n{number}.txt", b"Some text.")]))
    for fmt in ("csv", "json", "ndjson", "zip"):
        with django_assert_max_num_queries(8):
            content(client.get(f"/opendata/consultations/{SLUG}/export.{fmt}"))
