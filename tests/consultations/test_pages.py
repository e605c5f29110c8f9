import datetime as dt

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse

from tashawur.consultations.models import Consultation, RuleFinding

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat_client(client, demo):
    user = get_user_model().objects.create_user("sec", password="x", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@time_machine.travel(dt.datetime(2017, 1, 10, 12, tzinfo=dt.UTC), tick=False)
def test_home_lists_groups_and_consultations_with_status_and_rules(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        page = client.get("/")

    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="en" dir="ltr">' in html
    assert "Council Working Group on International Internet-related Public Policy Issues" in html
    assert "CWG-WSIS-SDG" in html
    assert "Development aspects of the Internet" in html
    assert "Open for responses" in html  # 10 Jan 2017, before the 15 Jan deadline
    assert "Physical meeting held" in html  # the first round
    assert "1 rule broken" in html


def test_home_in_arabic_is_right_to_left_with_arabic_content(client, demo):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")

    html = page.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "فريق العمل التابع للمجلس والمعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت" in html
    assert 'lang="ar" dir="rtl">الجوانب الإنمائية للإنترنت</a>' in html


def test_language_switcher_changes_the_page_language(client, demo):
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})

    assert '<html lang="fr" dir="ltr">' in client.get("/").content.decode()


def test_english_content_falls_back_where_a_translation_is_missing(client, demo):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert 'lang="en" dir="ltr">Development aspects of the Internet</a>' in html


def test_consultation_page_shows_questions_timeline_and_breaches(client, demo):
    page = client.get(reverse("consultation-detail", args=["development-aspects-internet"]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Rule 4: the response deadline is Jan. 15, 2017, 11 days after the latest allowed deadline (Jan. 4, 2017)." in html
    assert "between Feb. 3, 2017 and Feb. 5, 2017" in html


def test_unknown_consultation_is_404(client, db):
    assert client.get("/consultations/nope/").status_code == 404


def test_admin_consultation_page_shows_the_computed_timeline(secretariat_client):
    consultation = Consultation.objects.get(slug="development-aspects-internet")

    html = secretariat_client.get(reverse("admin:consultations_consultation_change", args=[consultation.pk])).content.decode()

    assert "Planned dates and what the group" in html
    assert "11 days after the latest allowed deadline" in html


def test_admin_is_translated_and_right_to_left_in_arabic(secretariat_client):
    html = secretariat_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert 'dir="rtl"' in html
    assert "إدارة الموقع" in html  # "Site administration", from Django's own catalogue


def admin_form_data(consultation, **changes):
    data = {
        "group": consultation.group_id, "topic": consultation.topic_id, "slug": consultation.slug,
        "chosen_at": consultation.chosen_at_id or "", "feeds_meeting": consultation.feeds_meeting_id or "",
        "physical_meeting": consultation.physical_meeting_id or "",
        "announced_on": "", "opens_on": consultation.opens_on.isoformat(),
        "response_deadline": consultation.response_deadline.isoformat(),
        "report_published_on": consultation.report_published_on.isoformat(),
    }
    for index in range(6):
        data[f"background_{index}"] = ""
    data.update(changes)
    return data


def test_admin_save_that_breaks_a_rule_warns_records_and_keeps_the_date(secretariat_client):
    consultation = Consultation.objects.get(slug="development-aspects-internet")
    url = reverse("admin:consultations_consultation_change", args=[consultation.pk])

    page = secretariat_client.post(url, admin_form_data(consultation, opens_on="2016-11-05"), follow=True)

    html = page.content.decode()
    assert page.status_code == 200
    assert "Rule 3: the consultation opens on Nov. 5, 2016, 7 days after the latest launch date (Oct. 29, 2016)." in html
    consultation.refresh_from_db()
    assert consultation.opens_on == dt.date(2016, 11, 5)
    assert RuleFinding.objects.filter(consultation=consultation, code="launch_late", days_off=7, resolved_at__isnull=True).exists()


def test_the_stylesheet_is_served(client, db):
    from django.contrib.staticfiles import finders

    assert '<link rel="stylesheet" href="/static/tashawur/site.css">' in client.get("/").content.decode()
    assert finders.find("tashawur/site.css")
