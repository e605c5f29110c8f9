"""The public page of responses (Res. 1336 rule 8): what each reader sees, in English and Arabic."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.factories import ConsultationMeetingFactory, UserFactory, WorkingGroupFactory, role
from tests.responses.response_builders import PDF_BYTES, make_response

pytestmark = pytest.mark.django_db


def page_url(consultation, **params):
    url = reverse("consultation-responses", args=[consultation.slug])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in params.items()) if params else "")


def listed_receipts(html: str) -> list[str]:
    return re.findall(r'<article class="response[^"]*" id="([^"]+)"', html)


def test_the_consultation_page_links_to_its_responses(client, open_consultation):
    html = client.get(reverse("consultation-detail", args=[open_consultation.slug])).content.decode()

    assert f'href="{page_url(open_consultation)}"' in html


def test_published_responses_are_shown_with_their_details_and_the_others_are_not(client, open_consultation):
    shown = make_response(
        open_consultation, answers=("Affordable access first.", "", "Local content matters."),
        received_at=dt.datetime(2016, 12, 31, 23, 30, tzinfo=dt.UTC),  # already 1 January in Geneva
    )
    hidden = [
        make_response(open_consultation, status=status, answers=(f"Hidden {status} text",),
                      rejection_reason="spam" if status == "rejected" else "")
        for status in ("unconfirmed", "received", "rejected", "withdrawn")
    ]

    html = client.get(page_url(open_consultation)).content.decode()

    assert listed_receipts(html) == [shown.receipt_number]
    for text in ("Amina Haddad", "Digital Rights Lab", "Civil society", "Tunisia", "Web form",
                 "Affordable access first.", "Local content matters.", "Answer to question 3",
                 'datetime="2017-01-01T00:30:00+01:00"', "Jan. 1, 2017"):
        assert text in html
    assert "Answer to question 2" not in html  # no empty answer
    assert "amina@example.org" not in html  # e-mail addresses are never published
    assert all(response.receipt_number not in html for response in hidden)
    assert "Hidden" not in html


def test_the_page_in_arabic_is_right_to_left_with_arabic_country_names_and_each_text_in_its_language(
    client, open_consultation,
):
    make_response(open_consultation, answers=("Affordable access first.",), country="TN", language="en")
    make_response(open_consultation, answers=("النفاذ الميسور التكلفة أولاً.",), country="EG", language="ar",
                  author_name="ليلى حسن", organisation="جمعية الإنترنت")

    html = client.get(page_url(open_consultation), HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert "تونس" in html and "مصر" in html  # Tunisia, Egypt in CLDR Arabic
    assert "Tunisia" not in html
    assert re.search(r'<div class="response-text" lang="en" dir="ltr">\s*<section class="answer">', html)
    assert re.search(r'<div class="response-text" lang="ar" dir="rtl">\s*<section class="answer">', html)
    assert "<bdi>ليلى حسن</bdi>" in html
    assert 'lang="ar" dir="rtl">الجوانب الإنمائية للإنترنت</span>' in html  # the title in Arabic


def test_the_page_in_english_is_left_to_right(client, open_consultation):
    make_response(open_consultation, answers=("النفاذ الميسور التكلفة أولاً.",), language="ar")

    html = client.get(page_url(open_consultation), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="en" dir="ltr">' in html
    assert re.search(r'<div class="response-text" lang="ar" dir="rtl">', html)


def test_an_anonymous_response_shows_no_name_organisation_or_email_anywhere(client, open_consultation):
    anonymous = make_response(
        open_consultation, publication="anonymous", author_name="Zainab Qureshi", author_email="zainab@example.net",
        organisation="Qureshi Consulting",
        answers=("Please keep my name out of this.",), attachments=[("notes.txt", b"My notes")],
    )

    list_html = client.get(page_url(open_consultation)).content.decode()
    detail_html = client.get(
        reverse("consultation-response", args=[open_consultation.slug, anonymous.receipt_number])
    ).content.decode()

    for html in (list_html, detail_html):
        assert "Please keep my name out of this." in html
        assert "Anonymous response" in html
        assert "Zainab" not in html and "Qureshi" not in html and "zainab@example.net" not in html
        assert "Civil society" in html and "Tunisia" in html  # who in general terms, never who exactly


def test_group_only_responses_are_for_the_group_members_and_counted_in_the_statistics(client, open_consultation):
    make_response(open_consultation, answers=("Public text.",))
    group_only = make_response(open_consultation, publication="group_only", answers=("Only for the group.",),
                               stakeholder_group="government", organisation="Ministry of ICT")
    delegate = UserFactory(username="delegate-sa")
    role(delegate, open_consultation.group, "delegate", "SA")
    other_group = WorkingGroupFactory(code="CWG-WSIS")
    outsider = UserFactory(username="delegate-elsewhere")
    role(outsider, other_group, "delegate", "SA")

    public_html = client.get(page_url(open_consultation)).content.decode()
    client.force_login(outsider)
    outsider_html = client.get(page_url(open_consultation)).content.decode()
    client.force_login(delegate)
    delegate_response = client.get(page_url(open_consultation))
    delegate_html = delegate_response.content.decode()

    for html in (public_html, outsider_html):
        assert "Only for the group." not in html and group_only.receipt_number not in html
        assert statistics_cell(html, "Government", "Total") == "1"  # counted, never shown
    assert "Only for the group." in delegate_html
    assert "For the group only" in delegate_html
    assert "private" in delegate_response["Cache-Control"]
    assert statistics_cell(delegate_html, "Government", "Total") == "1"


def statistics_table(html: str) -> dict[str, dict[str, str]]:
    """The statistics table as {row header: {column header: cell}}."""
    table = re.search(r'<table class="statistics">(.*?)</table>', html, re.S).group(1)
    columns = re.findall(r'<th scope="col">(.*?)</th>', table)
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        header = re.search(r'<th scope="row">(.*?)</th>', row)
        if header:
            cells = re.findall(r"<td>(.*?)</td>", row)
            rows[header.group(1)] = dict(zip(columns[1:], cells))
    return rows


def statistics_cell(html, row, column):
    return statistics_table(html)[row][column]


def test_the_statistics_table_counts_published_responses_by_stakeholder_group_and_channel(
    client, open_consultation,
):
    meeting = open_consultation.physical_meeting
    for _ in range(3):
        make_response(open_consultation, stakeholder_group="civil_society", channel="web")
    make_response(open_consultation, stakeholder_group="civil_society", channel="email", message_id="<a@example.org>")
    make_response(open_consultation, stakeholder_group="government", channel="oral", meeting=meeting)
    make_response(open_consultation, stakeholder_group="government", channel="web", publication="anonymous")
    make_response(open_consultation, stakeholder_group="private_sector", channel="email", publication="group_only")
    make_response(open_consultation, stakeholder_group="", channel="web")
    make_response(open_consultation, stakeholder_group="government", channel="web", status="received")  # not counted

    html = client.get(page_url(open_consultation)).content.decode()
    table = statistics_table(html)

    assert "<caption>Published responses by stakeholder group and channel</caption>" in html
    assert table["Civil society"] == {"Web form": "3", "E-mail": "1", "Oral statement at a meeting": "0",
                                      "API": "0", "Total": "4"}
    assert table["Government"] == {"Web form": "1", "E-mail": "0", "Oral statement at a meeting": "1",
                                   "API": "0", "Total": "2"}
    assert table["Private sector"]["E-mail"] == "1"
    assert table["Not stated"]["Total"] == "1"
    assert table["Academic and technical community"]["Total"] == "0"
    assert table["Total"] == {"Web form": "5", "E-mail": "2", "Oral statement at a meeting": "1", "API": "0",
                              "Total": "8"}


def test_the_statistics_table_in_arabic(client, open_consultation):
    make_response(open_consultation, stakeholder_group="government", channel="web")

    html = client.get(page_url(open_consultation), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    table = statistics_table(html)

    assert sum(int(row[column]) for row in table.values() for column in row) == 4  # one cell, a row total, a column total, the total
    assert '<th scope="col">' in html and '<th scope="row">' in html and "<caption>" in html


def test_filters_by_stakeholder_group_country_channel_and_language(client, open_consultation):
    web_tn = make_response(open_consultation, country="TN", channel="web", language="en")
    mail_eg = make_response(open_consultation, country="EG", channel="email", language="ar", message_id="<b@x>",
                            stakeholder_group="government")
    oral_fr = make_response(open_consultation, country="FR", channel="oral", language="fr",
                            meeting=open_consultation.physical_meeting, stakeholder_group="academic_technical")

    def shown(**params):
        return set(listed_receipts(client.get(page_url(open_consultation, **params)).content.decode()))

    assert shown() == {web_tn.receipt_number, mail_eg.receipt_number, oral_fr.receipt_number}
    assert shown(country="EG") == {mail_eg.receipt_number}
    assert shown(channel="oral") == {oral_fr.receipt_number}
    assert shown(language="en") == {web_tn.receipt_number}
    assert shown(stakeholder_group="government") == {mail_eg.receipt_number}
    assert shown(stakeholder_group="government", channel="web") == set()
    assert shown(country="ZZ") == shown()  # not a choice: ignored, and said so
    assert "Select a valid choice" in client.get(page_url(open_consultation, country="ZZ")).content.decode()


def test_the_filter_form_offers_countries_and_languages_in_the_readers_language(client, open_consultation):
    make_response(open_consultation, country="EG", language="ar")
    make_response(open_consultation, country="CN", language="zh", publication="group_only")  # not for the public

    english = client.get(page_url(open_consultation)).content.decode()
    arabic = client.get(page_url(open_consultation), HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert '<option value="EG">Egypt</option>' in english and '<option value="ar">Arabic</option>' in english
    assert 'value="CN"' not in english and 'value="zh"' not in english
    assert '<option value="EG">مصر</option>' in arabic and '<option value="ar">العربية</option>' in arabic
    assert '<form method="get" class="filters"' in english


def test_the_page_is_paginated_and_keeps_the_filters_in_the_page_links(client, open_consultation):
    for number in range(55):
        make_response(open_consultation, answers=(f"Answer number {number}.",),
                      received_at=dt.datetime(2016, 12, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=number))

    first = client.get(page_url(open_consultation, channel="web")).content.decode()
    second = client.get(page_url(open_consultation, channel="web", page=2)).content.decode()

    assert len(listed_receipts(first)) == 50 and len(listed_receipts(second)) == 5
    assert "55 responses" in first
    assert 'href="?channel=web&amp;page=2" rel="next"' in first
    assert "Answer number 54." in second and "Answer number 54." not in first


def test_the_page_makes_a_fixed_number_of_queries(client, open_consultation, django_assert_max_num_queries):
    def fill(count):
        for number in range(count):
            make_response(open_consultation, answers=("One.", "Two.", "Three."),
                          attachments=[(f"file-{number}.pdf", PDF_BYTES + str(number).encode())])

    fill(3)
    with django_assert_max_num_queries(7):
        assert client.get(page_url(open_consultation)).status_code == 200
    fill(30)
    with django_assert_max_num_queries(7):
        html = client.get(page_url(open_consultation)).content.decode()
    assert len(listed_receipts(html)) == 33


def test_a_delegate_page_makes_a_fixed_number_of_queries(client, open_consultation, django_assert_max_num_queries):
    delegate = UserFactory(username="delegate-sa")
    role(delegate, open_consultation.group, "delegate", "SA")
    client.force_login(delegate)
    for publication in ("named", "anonymous", "group_only") * 10:
        make_response(open_consultation, publication=publication)

    with django_assert_max_num_queries(11):
        html = client.get(page_url(open_consultation)).content.decode()
    assert len(listed_receipts(html)) == 30


def test_each_response_has_a_permanent_link(client, open_consultation):
    published = make_response(open_consultation, answers=("Permanent text.",))
    received = make_response(open_consultation, status="received")
    group_only = make_response(open_consultation, publication="group_only")

    def permalink(response):
        return reverse("consultation-response", args=[open_consultation.slug, response.receipt_number])

    page = client.get(permalink(published))
    assert page.status_code == 200 and "Permanent text." in page.content.decode()
    assert f'href="{permalink(published)}"' in client.get(page_url(open_consultation)).content.decode()
    assert client.get(permalink(received)).status_code == 404
    assert client.get(permalink(group_only)).status_code == 404
    assert client.get(reverse("consultation-response", args=["no-such-consultation", "R-0000-0000"])).status_code == 404


def test_an_oral_statement_names_its_meeting_and_is_dated_in_the_group_time_zone(client, open_consultation):
    meeting = ConsultationMeetingFactory(group=open_consultation.group, starts_on=dt.date(2017, 2, 3))
    make_response(open_consultation, channel="oral", meeting=meeting, answers=(), body="We support the proposal.",
                  received_at=dt.datetime(2017, 2, 3, 9, 15, tzinfo=dt.UTC))

    html = client.get(page_url(open_consultation)).content.decode()

    assert "Oral statement at a meeting (Physical open consultation meeting (2017-02-03))" in html
    assert "We support the proposal." in html
    assert 'datetime="2017-02-03T10:15:00+01:00"' in html


# --- attachments ------------------------------------------------------------------------------

def download_url(response, attachment):
    return reverse("response-attachment", args=[response.receipt_number, attachment.pk, attachment.filename])


def test_an_attachment_downloads_as_a_sandboxed_file_of_its_detected_type(client, open_consultation):
    response = make_response(open_consultation, attachments=[("تقرير الموقف.pdf", PDF_BYTES)])
    attachment = response.attachments.get()

    html = client.get(page_url(open_consultation)).content.decode()
    download = client.get(download_url(response, attachment))

    assert f'href="{download_url(response, attachment)}" download><bdi>تقرير الموقف.pdf</bdi>' in html
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%D8%AA%D9%82" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Security-Policy"].startswith("sandbox")


def test_a_text_file_that_looks_like_html_is_still_served_as_a_download(client, open_consultation):
    response = make_response(open_consultation, attachments=[("page.txt", b"<script>alert(1)</script>")])
    attachment = response.attachments.get()

    download = client.get(download_url(response, attachment))

    assert download["Content-Type"] == "text/plain"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Security-Policy"].startswith("sandbox")


def test_withheld_attachments_and_files_of_unpublished_responses_are_refused(client, open_consultation):
    published = make_response(open_consultation, attachments=[("a.txt", b"public"), ("b.txt", b"withheld")])
    public_file, withheld_file = published.attachments.order_by("pk")
    withheld_file.withheld = True
    withheld_file.save()
    received = make_response(open_consultation, status="received", attachments=[("c.txt", b"not yet")])

    html = client.get(page_url(open_consultation)).content.decode()

    assert client.get(download_url(published, public_file)).status_code == 200
    assert client.get(download_url(published, withheld_file)).status_code == 404
    assert "b.txt" not in html
    assert client.get(download_url(received, received.attachments.get())).status_code == 404
    assert client.get(download_url(published, received.attachments.get())).status_code == 404  # wrong receipt


def test_files_of_group_only_responses_are_for_the_group_members(client, open_consultation):
    response = make_response(open_consultation, publication="group_only", attachments=[("g.txt", b"group")])
    url = download_url(response, response.attachments.get())
    delegate = UserFactory(username="delegate-sa")
    role(delegate, open_consultation.group, "delegate", "SA")

    assert client.get(url).status_code == 404
    client.force_login(delegate)
    download = client.get(url)
    assert download.status_code == 200 and "private" in download["Cache-Control"]
