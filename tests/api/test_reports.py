"""Compiled report versions through the API and the group's feed: published public editions only."""

import datetime as dt

import feedparser
import pytest
from django.core.files.base import ContentFile

from tashawur.documents.models import ReportFile, ReportVersion

pytestmark = pytest.mark.django_db
PUBLISHED = dt.datetime(2017, 1, 18, 9, tzinfo=dt.UTC)


def version(consultation, number, *, edition="public", state="published"):
    report = ReportVersion.objects.create(
        consultation=consultation, edition=edition, version=number, symbol=f"CWG/{number}", languages=["en"],
        formats=["html"], state=state, published_at=PUBLISHED if state == "published" else None, response_count=2,
    )
    page = ReportFile(version=report, language="en", format="html", size=5, sha256="0" * 64)
    page.file.save("en.html", ContentFile(b"<p>x"), save=False)
    page.save()
    return report


def test_published_public_versions_are_listed_with_their_files(api, consultation):
    first = version(consultation, 1)
    version(consultation, 2, state="queued")
    version(consultation, 1, edition="group")

    body = api.get("/api/v1/report-versions/", {"consultation": consultation.slug}).json()
    assert [item["id"] for item in body["results"]] == [first.pk]
    (item,) = body["results"]
    assert item["files"][0]["url"].endswith(f"/consultations/{consultation.slug}/report/public/v1/en.html")
    assert api.get(f"/api/v1/report-versions/{first.pk + 1}/").status_code == 404


def test_the_group_feed_announces_each_published_version(client, consultation):
    version(consultation, 1)
    feed = feedparser.parse(client.get(f"/opendata/groups/{consultation.group.code}/feed.atom").content)
    titles = [entry.title for entry in feed.entries]
    assert "Compiled report published (version 1): Development aspects of the Internet" in titles
