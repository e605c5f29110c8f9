"""Anonymous and group-only responses never leak: not through the API, the exports, the feeds or search."""

import io
import zipfile

import feedparser
import pytest

from tests.opendata_world import SECRETS

pytestmark = pytest.mark.django_db


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def assert_no_secret(text: str):
    leaked = [secret for secret in SECRETS if secret.lower() in text.lower()]
    assert not leaked, f"leaked: {leaked}"


def public_urls(world):
    consultation = world["named"].consultation
    slug, code = consultation.slug, consultation.group.code
    return [
        "/api/v1/responses/", f"/api/v1/responses/?consultation={slug}", "/api/v1/responses/?language=en",
        f"/api/v1/responses/{world['named'].receipt_number}/",
        f"/api/v1/responses/{world['anonymous'].receipt_number}/",
        f"/api/v1/consultations/{slug}/statistics/", f"/api/v1/consultations/{slug}/export/json/",
        f"/api/v1/consultations/{slug}/export/csv/", f"/api/v1/consultations/{slug}/export/ndjson/",
        f"/opendata/consultations/{slug}/export.csv", f"/opendata/consultations/{slug}/export.json",
        f"/opendata/consultations/{slug}/export.ndjson", f"/opendata/consultations/{slug}/responses.atom",
        f"/opendata/groups/{code}/feed.atom", f"/opendata/groups/{code}/calendar.ics",
        "/api/v1/search/?q=spectrum", "/api/v1/search/?q=hidden", "/api/v1/search/?q=person",
        "/api/v1/search/?q=quiet", "/search/?q=collective",
        "/search/?q=spectrum", "/search/?q=person+hidden", "/search/?q=group-only",
    ]


def test_no_public_output_holds_a_name_an_address_or_a_text_that_is_not_public(api, world):
    for url in public_urls(world):
        response = api.get(url)
        assert response.status_code == 200, url
        assert_no_secret(body_of(response))


def test_the_zip_holds_public_files_only(api, world):
    response = api.get(f"/opendata/consultations/{world['named'].consultation.slug}/export.zip")
    archive = zipfile.ZipFile(io.BytesIO(body_of_bytes(response)))
    names = archive.namelist()
    assert sorted(names) == ["README.txt", "attachments.csv",
                             f"attachments/{world['named'].receipt_number}/{attachment_id(world)}-position.txt"]
    for name in names:
        assert_no_secret(archive.read(name).decode("utf-8"))


def body_of_bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def attachment_id(world) -> int:
    return world["named"].attachments.get(filename="position.txt").pk


def test_group_only_and_unpublished_responses_are_not_found_by_receipt(api, world):
    for name in ("group_only", "received"):
        response = api.get(f"/api/v1/responses/{world[name].receipt_number}/")
        assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"


def test_an_anonymous_response_is_listed_without_a_name(api, world):
    anonymous = api.get(f"/api/v1/responses/{world['anonymous'].receipt_number}/").json()
    assert anonymous["publication"] == "anonymous" and anonymous["author_name"] == anonymous["organisation"] == ""
    slug = world["named"].consultation.slug
    feed = feedparser.parse(body_of(api.get(f"/opendata/consultations/{slug}/responses.atom")))
    titles = {entry.title for entry in feed.entries}
    assert f"Anonymous response {world['anonymous'].receipt_number}" in titles
    assert all("author" not in entry or entry.author == "Amina Haddad" for entry in feed.entries)
