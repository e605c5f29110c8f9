"""Browsing, filtering, searching and exporting the public repository."""

import csv
import io
import json

import pytest

from tashawur.repository.models import EntryStatus
from tashawur.repository.selectors import EntryFilters, published_entries
from tests.factories import WorkingGroupFactory
from tests.policy.builders import entry, issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def repository():
    group = WorkingGroupFactory(code="CWG-Internet", members=[])
    access, spam = issue("internet-access"), issue("spam")
    entry(group, issues=[access], title="Community networks", country="KE", stakeholder_group="civil_society", year=2016)
    entry(group, issues=[access, spam], title="Point d'échange Internet", region="011", language="fr", year=2017,
          summary="Trafic local")
    entry(group, issues=[spam], title="Anti-spam law", country="FR", stakeholder_group="government", year=2017,
          organisation="=HYPERLINK(evil)")
    entry(group, issues=[spam], title="Not yet read", country="KE", status=EntryStatus.RECEIVED, year=2017)
    return group


def _titles(**filters):
    return sorted(entry.title for entry in published_entries(EntryFilters(**filters)))


def test_filters_by_issue_country_region_stakeholder_group_year_and_words(repository):
    assert _titles() == ["Anti-spam law", "Community networks", "Point d'échange Internet"]
    assert _titles(issue="internet-access") == ["Community networks", "Point d'échange Internet"]
    assert _titles(country="KE") == ["Community networks"]
    assert _titles(country="SN") == ["Point d'échange Internet"]  # Senegal is in Western Africa (011)
    assert _titles(region="002") == ["Community networks", "Point d'échange Internet"]  # Africa: KE and 011
    assert _titles(region="150") == ["Anti-spam law"]
    assert _titles(stakeholder_group="government") == ["Anti-spam law"]
    assert _titles(year=2017) == ["Anti-spam law", "Point d'échange Internet"]
    assert _titles(text="trafic LOCAL") == ["Point d'échange Internet"]


def test_the_list_page_shows_published_entries_in_a_fixed_number_of_queries(repository, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        page = client.get("/repository/", {"issue": "spam"})
    html = page.content.decode()
    assert "Anti-spam law" in html and 'lang="fr"' in html and "Not yet read" not in html and "Community networks" not in html


def test_export_as_csv_and_json(repository, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/repository/export.csv", {"year": "2017"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert [row["title"] for row in rows] == ["Anti-spam law", "Point d'échange Internet"]
    assert rows[0]["organisation"] == "'=HYPERLINK(evil)"  # never a formula in a spreadsheet
    assert rows[1]["issues"] == "internet-access ; spam" and rows[1]["region"] == "011"
    data = json.loads(client.get("/repository/export.json").content)
    assert data["format_version"] == 1 and len(data["entries"]) == 3
    assert {"contributor_email", "contributor_name"}.isdisjoint(data["entries"][0])
