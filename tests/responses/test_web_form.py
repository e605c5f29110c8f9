"""The web form, end to end through the Django test client: submit, confirm by mail, view, withdraw."""

import datetime as dt
import io
from html import unescape
import logging
import re
import shutil
import struct
import zlib
from pathlib import Path

import docx
import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tashawur.mailin.models import OutboundMail
from tashawur.responses.models import AuditEvent, Response

pytestmark = pytest.mark.django_db

DURING = dt.datetime(2016, 12, 1, 12, tzinfo=dt.UTC)  # the consultation is open 28 Oct 2016 - 4 Jan 2017
AFTER = dt.datetime(2017, 1, 10, 9, tzinfo=dt.UTC)
FORM = "/consultations/development-aspects/respond/"


@pytest.fixture(autouse=True)
def _empty_cache_and_english_after():
    cache.clear()
    yield
    cache.clear()
    translation.deactivate()  # a request in Arabic leaves Arabic active in this thread for the next test


@pytest.fixture
def during():
    with time_machine.travel(DURING, tick=False):
        yield


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """POST to a page and run what waits for the commit (the mails), as a real request would."""
    def post(path, data=None, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, data or {}, **extra)
    return post


# --- real files ---------------------------------------------------------------------------

def docx_file(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def png_file() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def executable_file() -> bytes:
    return Path(shutil.which("true")).read_bytes()


# --- helpers ------------------------------------------------------------------------------

def form_token(client) -> str:
    html = client.get(FORM).content.decode()
    return re.search(r'name="form_token" value="([0-9a-f-]{36})"', html).group(1)


def form_data(client, consultation, **changes) -> dict:
    """What a person fills in, with the token of a form they have just opened."""
    questions = list(consultation.topic.questions.order_by("position"))
    data = {
        "form_token": form_token(client),
        "author_name": "Amina Haddad",
        "author_email": "amina@example.org",
        "organisation": "Digital Rights Lab",
        "country": "TN",
        "stakeholder_group": "civil_society",
        "publication": "named",
        f"answer_{questions[0].pk}": "Affordable access is the first condition of development.",
        f"answer_{questions[1].pk}": "Local content in local languages.",
    }
    data.update(changes)
    return data


def links_in(message) -> list[str]:
    return re.findall(r"http://testserver(/\S+)", message.body)


def submitted_and_confirmed(client, send, consultation, **changes):
    """A response sent through the form and confirmed by its link: (response, path of the respondent's page)."""
    send(FORM, form_data(client, consultation, **changes))
    confirm_path = links_in(mail.outbox[-1])[0]
    send(confirm_path)
    response = Response.objects.get()
    return response, links_in(mail.outbox[-1])[0]


# --- the form -----------------------------------------------------------------------------

def test_consultation_page_links_to_the_form_while_it_is_open(client, open_consultation, during):
    html = client.get(reverse("consultation-detail", args=["development-aspects"])).content.decode()

    assert f'href="{FORM}"' in html


def test_form_asks_each_question_and_requires_an_explicit_publication_choice(client, open_consultation, during):
    page = client.get(FORM)

    html = page.content.decode()
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0")  # the form token is not shared through a cache
    for number in (1, 2, 3):
        assert f'<span class="question-text" lang="en" dir="ltr">Question {number}?</span>' in html
    assert html.count('name="publication"') == 3 and "checked" not in html
    assert '<fieldset class="field choices" id="id_stakeholder_group"' in html
    assert "<legend>Publication of your response</legend>" in html
    assert re.search(r'<div class="visually-hidden" aria-hidden="true">\s*<label for="id_comments">', html)
    assert '<input type="text" name="comments" tabindex="-1" autocomplete="off" id="id_comments">' in html
    assert '<option value="TN">Tunisia</option>' in html


def test_form_in_arabic_is_right_to_left_with_arabic_questions_and_country_names(client, open_consultation, during):
    html = client.get(FORM, HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert '<span class="question-text" lang="ar" dir="rtl">السؤال 1؟</span>' in html
    assert '<option value="TN">تونس</option>' in html


def test_a_response_is_confirmed_by_its_link_and_acknowledged_with_its_receipt_number(client, send, open_consultation, during):
    data = form_data(client, open_consultation, attachments=[
        SimpleUploadedFile("position.docx", docx_file("Our position on access."), content_type="application/msword"),
    ])

    page = send(FORM, data)

    response = Response.objects.get()
    html = page.content.decode()
    assert page.status_code == 200
    assert "Check your e-mail" in html and response.receipt_number in html and "amina@example.org" in html
    assert (response.status, response.channel, response.publication) == ("unconfirmed", "web", "named")
    assert (response.author_name, response.country, response.stakeholder_group) == ("Amina Haddad", "TN", "civil_society")
    assert response.idempotency_key == f"web:{data['form_token']}"
    assert [answer.text for answer in response.answers.all()] == [
        "Affordable access is the first condition of development.", "Local content in local languages.",
    ]
    attachment = response.attachments.get()
    assert (attachment.filename, attachment.extracted_text) == ("position.docx", "Our position on access.")
    assert attachment.content_type.endswith("wordprocessingml.document")

    [request] = mail.outbox
    confirm_path = f"/responses/{response.receipt_number}/confirm/"
    assert request.to == ["amina@example.org"]
    assert request.subject == "Please confirm your response to \u201cDevelopment aspects of the Internet\u201d"
    assert request.message()["Auto-Submitted"] == "auto-replied"
    assert response.receipt_number in request.body
    assert links_in(request)[0].startswith(confirm_path)

    confirm_page = client.get(links_in(request)[0])  # what a mail scanner does: nothing changes
    assert confirm_page.status_code == 200 and "<button" in confirm_page.content.decode()
    assert Response.objects.get().status == "unconfirmed" and len(mail.outbox) == 1

    confirmed = send(links_in(request)[0])

    response.refresh_from_db()
    own_path = confirmed["Location"]
    assert confirmed.status_code == 302 and own_path == links_in(request)[0].replace("/confirm/", "/")
    assert response.status == "received" and response.confirmed_at == DURING
    assert list(AuditEvent.objects.filter(response=response).values_list("action", flat=True)) == ["received", "confirmed"]
    acknowledgement = mail.outbox[1]
    assert len(mail.outbox) == 2
    assert acknowledgement.subject == (
        f"Your response to \u201cDevelopment aspects of the Internet\u201d is received: {response.receipt_number}"
    )
    assert f"Receipt number: {response.receipt_number}" in acknowledgement.body
    assert links_in(acknowledgement) == [own_path]
    assert "until the end of Jan. 4, 2017 (Europe/Zurich time)" in acknowledgement.body
    assert sorted(OutboundMail.objects.filter(response=response).values_list("kind", flat=True)) == ["ack", "confirm"]

    own = client.get(own_path).content.decode()
    assert "Thank you: your e-mail address is confirmed" in own
    assert 'class="status status--received">Received<' in own
    assert "Affordable access is the first condition of development." in own and "position.docx" in own


def test_a_second_click_on_the_confirmation_button_sends_no_second_mail(client, send, open_consultation, during):
    response, own_path = submitted_and_confirmed(client, send, open_consultation)
    confirm_path = own_path.replace(f"/{response.receipt_number}/", f"/{response.receipt_number}/confirm/")

    again = send(confirm_path)

    assert again.status_code == 302 and len(mail.outbox) == 2
    assert AuditEvent.objects.filter(response=response, action="confirmed").count() == 1
    assert "There is nothing to confirm" in client.get(confirm_path).content.decode()


def test_a_confirmation_link_with_a_wrong_token_is_not_found(client, send, open_consultation, during):
    send(FORM, form_data(client, open_consultation))
    receipt = Response.objects.get().receipt_number

    assert client.get(f"/responses/{receipt}/confirm/{'A' * 32}/").status_code == 404
    assert send(f"/responses/{receipt}/confirm/{'A' * 32}/").status_code == 404
    assert client.get(f"/responses/{receipt}/confirm/short/").status_code == 404
    assert client.get(f"/responses/{receipt}/{'A' * 32}/").status_code == 404
    assert Response.objects.get().status == "unconfirmed"


def test_the_same_form_sent_twice_gives_one_response_and_one_mail(client, send, open_consultation, during):
    data = form_data(client, open_consultation)

    first = send(FORM, data)
    second = send(FORM, data)

    response = Response.objects.get()
    assert len(mail.outbox) == 1
    assert response.receipt_number in first.content.decode() and response.receipt_number in second.content.decode()
    assert "You had already sent this form" in second.content.decode()


def test_a_filled_honeypot_is_told_success_but_nothing_is_stored(client, send, open_consultation, during, caplog):
    with caplog.at_level(logging.WARNING, logger="tashawur.responses.views_submit"):
        page = send(FORM, form_data(client, open_consultation, comments="Buy cheap pills"))

    assert page.status_code == 200 and "Check your e-mail" in page.content.decode()
    assert re.search(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}", page.content.decode())
    assert not Response.objects.exists() and not mail.outbox
    assert "honeypot filled consultation=development-aspects client=127.0.0.1" in caplog.text


def test_too_many_responses_from_one_address_get_429_with_retry_after(client, send, open_consultation, during, settings):
    settings.RESPONSE_RATE_LIMIT_PER_ADDRESS = 2
    for _ in range(2):
        assert send(FORM, form_data(client, open_consultation)).status_code == 200

    page = send(FORM, form_data(client, open_consultation, author_email="AMINA@example.org"))

    html = page.content.decode()
    assert page.status_code == 429
    assert page["Retry-After"] == "3600"  # at 12:00 the hour's window ends at 13:00
    assert "Too many responses have been sent from this e-mail address in the past hour." in html
    assert "Please try again in 60 minutes" in html
    assert 'value="Amina Haddad"' in html and "Affordable access is the first condition" in html  # nothing lost
    assert Response.objects.count() == 2 and len(mail.outbox) == 2
    assert send(FORM, form_data(client, open_consultation, author_email="other@example.org")).status_code == 200


def test_too_many_responses_from_one_machine_get_429(client, send, open_consultation, during, settings):
    settings.RESPONSE_RATE_LIMIT_PER_IP = 2
    for number in range(2):
        send(FORM, form_data(client, open_consultation, author_email=f"person{number}@example.org"),
             REMOTE_ADDR="203.0.113.7")

    page = send(FORM, form_data(client, open_consultation, author_email="person9@example.org"), REMOTE_ADDR="203.0.113.7")

    assert page.status_code == 429 and int(page["Retry-After"]) == 3600
    assert "Too many responses have been sent from your network in the past hour." in page.content.decode()
    assert Response.objects.count() == 2
    other = send(FORM, form_data(client, open_consultation, author_email="person9@example.org"), REMOTE_ADDR="198.51.100.1")
    assert other.status_code == 200 and Response.objects.count() == 3


def test_the_limit_waits_for_the_next_window(client, send, open_consultation, settings):
    settings.RESPONSE_RATE_LIMIT_PER_ADDRESS = 1
    with time_machine.travel(dt.datetime(2016, 12, 1, 12, 50, tzinfo=dt.UTC), tick=False):
        send(FORM, form_data(client, open_consultation))
        refused = send(FORM, form_data(client, open_consultation))
    with time_machine.travel(dt.datetime(2016, 12, 1, 13, 0, 1, tzinfo=dt.UTC), tick=False):
        accepted = send(FORM, form_data(client, open_consultation))

    assert (refused.status_code, refused["Retry-After"]) == (429, "600")
    assert "Please try again in 10 minutes" in refused.content.decode()
    assert accepted.status_code == 200 and Response.objects.count() == 2


@pytest.mark.parametrize(
    "filename, content, reason",
    [
        ("report.pdf", executable_file(), "could run code on a reader's computer"),
        ("report.docx", png_file(), "is not a PDF, DOCX, ODT or plain-text file (judged by its content, not its name)"),
    ],
    ids=["executable-renamed-pdf", "png-renamed-docx"],
)
def test_a_file_refused_by_its_content_refuses_the_form_and_keeps_what_was_typed(
    client, send, open_consultation, during, filename, content, reason,
):
    data = form_data(client, open_consultation, attachments=[
        SimpleUploadedFile("fine.txt", "Our position.".encode()),
        SimpleUploadedFile(filename, content, content_type="application/pdf"),
    ])

    page = send(FORM, data)

    html = page.content.decode()
    assert page.status_code == 200
    errors = unescape(re.search(r'<ul class="errorlist" id="id_attachments_error">(.*?)</ul>', html).group(1))
    assert f"The attachment {filename} " in errors and reason in errors
    assert "fine.txt" not in errors  # only the refused file is named
    assert 'aria-describedby="id_attachments_helptext id_attachments_error"' in html
    assert "please choose your files again" in html
    assert 'value="Amina Haddad"' in html and 'value="Digital Rights Lab"' in html
    assert "Affordable access is the first condition of development.</textarea>" in html
    assert re.search(r'value="civil_society"[^>]*checked', html)
    assert 'value="' + data["form_token"] + '"' in html
    assert not Response.objects.exists() and not mail.outbox


def test_a_file_over_the_size_limit_is_refused_with_the_limit(client, send, open_consultation, during, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000

    page = send(FORM, form_data(client, open_consultation, attachments=[SimpleUploadedFile("long.txt", b"a" * 2000)]))

    assert "The attachment long.txt is 2.0\xa0KB; the limit is 1000\xa0bytes per file." in page.content.decode()
    assert not Response.objects.exists()


def test_rich_text_answers_are_sanitised(client, send, open_consultation, during):
    first = open_consultation.topic.questions.get(position=1)
    html = (
        '<p>See <a href="https://example.org/study" onclick="steal()">our study</a>.</p>'
        "<script>alert('x')</script><ul><li><strong>Access</strong></li><li><em>Skills</em></li></ul>"
    )

    send(FORM, form_data(client, open_consultation, answers_format="html", **{f"answer_{first.pk}": html}))

    answer = Response.objects.get().answers.get(question=first)
    assert answer.html == (
        '<p>See <a href="https://example.org/study" rel="noopener nofollow">our study</a>.</p>'
        "<ul><li><strong>Access</strong></li><li><em>Skills</em></li></ul>"
    )
    assert answer.text == "See our study (https://example.org/study).\n\n- Access\n- Skills"


def test_plain_text_that_looks_like_html_is_kept_as_text(client, send, open_consultation, during):
    first = open_consultation.topic.questions.get(position=1)

    send(FORM, form_data(client, open_consultation, **{f"answer_{first.pk}": "Write to <amina@example.org> & <b>us</b>"}))

    answer = Response.objects.get().answers.get(question=first)
    assert (answer.text, answer.html) == ("Write to <amina@example.org> & <b>us</b>", "")


def test_a_form_without_any_answer_or_file_is_refused(client, send, open_consultation, during):
    questions = open_consultation.topic.questions.all()
    page = send(FORM, form_data(client, open_consultation, **{f"answer_{q.pk}": "  " for q in questions}))

    assert "The response has no text: please answer at least one question" in page.content.decode()
    assert 'value="Amina Haddad"' in page.content.decode()
    assert not Response.objects.exists()


def test_after_the_deadline_the_form_is_gone_and_the_deadline_is_stated(client, open_consultation):
    with time_machine.travel(AFTER, tick=False):
        page = client.get(FORM)

    html = page.content.decode()
    assert page.status_code == 200
    assert "accepted responses until the end of Jan. 4, 2017 (Europe/Zurich time)" in html
    assert "<form method=\"post\" enctype" not in html


def test_a_form_sent_after_the_deadline_is_refused_with_the_deadline_and_nothing_is_stored(client, send, open_consultation):
    with time_machine.travel(dt.datetime(2017, 1, 4, 22, 50, tzinfo=dt.UTC), tick=False):
        data = form_data(client, open_consultation)  # opened ten minutes before midnight in Geneva
    with time_machine.travel(dt.datetime(2017, 1, 4, 23, 5, tzinfo=dt.UTC), tick=False):
        page = send(FORM, data)

    html = page.content.decode()
    assert page.status_code == 403
    assert "accepted responses until 2017-01-04 (Europe/Zurich time); this one arrived on 2017-01-05 00:05" in html
    assert not Response.objects.exists() and not mail.outbox


def test_before_the_opening_the_form_says_when_it_opens(client, open_consultation):
    with time_machine.travel(dt.datetime(2016, 10, 20, tzinfo=dt.UTC), tick=False):
        html = client.get(FORM).content.decode()

    assert "This consultation opens for responses on Oct. 28, 2016 (Europe/Zurich time)" in html


def test_an_unknown_consultation_is_not_found(client, db):
    assert client.get("/consultations/no-such-thing/respond/").status_code == 404


# --- the respondent's own page ------------------------------------------------------------

def test_the_respondent_withdraws_before_the_deadline(client, send, open_consultation, during):
    response, own_path = submitted_and_confirmed(client, send, open_consultation)
    own = client.get(own_path)
    assert own["X-Robots-Tag"] == "noindex, nofollow"
    withdraw_path = f"{own_path}withdraw/"
    assert f'href="{withdraw_path}"' in own.content.decode()

    question = client.get(withdraw_path)  # asks first; changes nothing
    assert "Do you really want to withdraw" in question.content.decode()
    assert Response.objects.get().status == "received"

    done = send(withdraw_path)

    response.refresh_from_db()
    assert done.status_code == 302 and done["Location"] == own_path
    assert (response.status, response.withdrawn_at) == ("withdrawn", DURING)
    assert list(AuditEvent.objects.filter(response=response).values_list("action", flat=True)) == [
        "received", "confirmed", "withdrawn",
    ]
    page = client.get(own_path).content.decode()
    assert "Your response is withdrawn." in page and f'href="{withdraw_path}"' not in page


def test_after_the_deadline_there_is_no_withdraw_button_and_a_withdrawal_is_refused(client, send, open_consultation):
    with time_machine.travel(DURING, tick=False):
        response, own_path = submitted_and_confirmed(client, send, open_consultation)

    with time_machine.travel(AFTER, tick=False):
        page = client.get(own_path).content.decode()
        refused = send(f"{own_path}withdraw/")

    assert f'href="{own_path}withdraw/"' not in page
    assert "could be withdrawn until the end of Jan. 4, 2017 (Europe/Zurich time). The deadline has passed" in page
    assert refused.status_code == 403
    assert "The deadline has passed, so your response stays with the working group." in refused.content.decode()
    assert Response.objects.get().status == "received"


def test_the_respondent_downloads_their_own_file_as_an_attachment(client, send, open_consultation, during):
    content = docx_file("Our position.")
    response, own_path = submitted_and_confirmed(
        client, send, open_consultation, attachments=[SimpleUploadedFile("موقف.docx", content)],
    )
    attachment = response.attachments.get()

    download = client.get(f"{own_path}files/{attachment.pk}/")

    assert download.status_code == 200 and b"".join(download.streaming_content) == content
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Security-Policy"] == "sandbox"


def test_pages_in_arabic_are_right_to_left_and_the_mails_are_in_arabic(client, send, open_consultation, during):
    send(FORM, form_data(client, open_consultation), HTTP_ACCEPT_LANGUAGE="ar")
    confirm_path = links_in(mail.outbox[0])[0]

    confirm_page = client.get(confirm_path, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    send(confirm_path, HTTP_ACCEPT_LANGUAGE="ar")
    own_page = client.get(links_in(mail.outbox[1])[0], HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    for html in (confirm_page, own_page):
        assert '<html lang="ar" dir="rtl">' in html
        assert 'lang="ar" dir="rtl">الجوانب الإنمائية للإنترنت</a>' in html
    assert '<span lang="ar" dir="rtl">السؤال 1؟</span>' in own_page
    assert "تونس" in own_page
    assert list(OutboundMail.objects.values_list("language", flat=True)) == ["ar", "ar"]
    assert mail.outbox[0].message()["Content-Language"] == "ar"
    assert "الجوانب الإنمائية للإنترنت" in mail.outbox[0].subject

