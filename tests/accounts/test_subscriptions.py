import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client

from tashawur.accounts.models import Subscription
from tashawur.accounts.services import notify_subscribers, send_deadline_reminders
from tashawur.announcements.models import Announcement, Delivery, Unsubscribe
from tests.accounts.conftest import stakeholder
from tests.announcements.conftest import drain
from tests.factories import WorkingGroupFactory

pytestmark = pytest.mark.django_db


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.UTC)


def subscribe(user, group, *kinds):
    for kind in kinds:
        Subscription.objects.create(user=user, group=group, kind=kind)


def send_all(clock):
    for announcement in Announcement.objects.exclude(state="finished"):
        drain(announcement, clock)


def test_a_stakeholder_chooses_notices_per_group_on_the_subscriptions_page(client, consultation, amina):
    other = WorkingGroupFactory(code="CWG-WSIS")
    client.force_login(amina)
    page = client.get("/account/subscriptions/").content.decode()
    assert "A response deadline is near" in page and "CWG-WSIS" in page

    client.post("/account/subscriptions/", {
        "language": "fr", f"g{consultation.group.pk}_deadline_reminder": "on", f"g{other.pk}_new_consultation": "on",
    })

    assert set(Subscription.objects.values_list("group__code", "kind")) == {
        (consultation.group.code, "deadline_reminder"), ("CWG-WSIS", "new_consultation"),
    }
    amina.stakeholder_account.refresh_from_db()
    assert amina.stakeholder_account.language == "fr"
    client.post("/account/subscriptions/none/")
    assert not Subscription.objects.exists()


def test_an_unconfirmed_account_cannot_subscribe(client, consultation):
    user = stakeholder("amina@example.org", confirmed=False)
    client.force_login(user)

    page = client.post("/account/subscriptions/", {"language": "en",
                                                   f"g{consultation.group.pk}_deadline_reminder": "on"})

    assert b"Confirm your e-mail address first" in page.content and not Subscription.objects.exists()


def test_subscribers_hear_of_a_new_consultation_once_in_their_language(consultation, clock):
    arabic = stakeholder("amina@example.org", language="ar")
    english = stakeholder("john@example.org")
    unconfirmed = stakeholder("nobody@example.org", confirmed=False)
    elsewhere = stakeholder("other@example.org")
    for user in (arabic, english, unconfirmed):
        subscribe(user, consultation.group, "new_consultation")
    subscribe(elsewhere, WorkingGroupFactory(), "new_consultation")
    subscribe(elsewhere, consultation.group, "deadline_reminder")

    notify_subscribers(now=at("2016-10-29"))
    notify_subscribers(now=at("2016-10-30"))  # run again: nothing new
    send_all(clock)

    assert sorted(message.to[0] for message in mail.outbox) == ["amina@example.org", "john@example.org"]
    notice = Announcement.objects.get(kind="new_consultation")
    assert notice.deliveries.count() == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address["amina@example.org"].extra_headers["Content-Language"] == "ar"
    english_mail = by_address["john@example.org"]
    assert english_mail.subject.startswith("New consultation of the Council Working Group")
    assert "/account/subscriptions/" in english_mail.body and "List-Unsubscribe" in english_mail.extra_headers


def test_an_old_consultation_is_no_news(consultation, amina, clock):
    subscribe(amina, consultation.group, "new_consultation")

    assert notify_subscribers(now=at("2016-11-20")) == []


def test_deadline_reminders_go_out_n_days_before_the_deadline_once_per_subscription(
    settings, consultation, amina, clock,
):
    settings.DEADLINE_REMINDER_DAYS = 7
    subscribe(amina, consultation.group, "deadline_reminder")
    late = stakeholder("late@example.org")

    assert send_deadline_reminders(now=at("2016-12-27")) == []  # eight days before 4 January
    send_deadline_reminders(now=at("2016-12-28"))
    send_deadline_reminders(now=at("2016-12-29"))
    send_all(clock)
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]
    assert "due by Jan. 4, 2017" in mail.outbox[0].subject

    subscribe(late, consultation.group, "deadline_reminder")  # subscribed after the first reminder
    send_deadline_reminders(now=at("2017-01-03"))
    send_deadline_reminders(now=at("2017-01-04", hour=22))  # 23:00 in Geneva: still the deadline day
    send_all(clock)
    assert sorted(message.to[0] for message in mail.outbox) == ["amina@example.org", "late@example.org"]
    assert Announcement.objects.filter(kind="deadline_reminder").count() == 1

    assert send_deadline_reminders(now=at("2017-01-04", hour=23)) == []  # midnight in Geneva: closed


def test_subscribers_hear_that_the_compiled_report_is_published(consultation, amina, clock):
    subscribe(amina, consultation.group, "report_published")
    consultation.report_published_on = dt.date(2017, 1, 18)
    consultation.save()

    notify_subscribers(now=at("2017-01-19"))
    send_all(clock)

    (message,) = mail.outbox
    assert message.subject == "Compiled report published: Development aspects of the Internet"
    assert "/consultations/development-aspects/report/" in message.body


def test_one_click_on_a_notice_ends_that_subscription_only(consultation, amina, clock):
    subscribe(amina, consultation.group, "deadline_reminder", "report_published")
    send_deadline_reminders(now=at("2016-12-30"))
    send_all(clock)
    token = Delivery.objects.get().token

    response = Client(enforce_csrf_checks=True).post(f"/unsubscribe/{token}/", data="List-Unsubscribe=One-Click",
                                                     content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200 and b"no more of these notices" in response.content
    assert list(Subscription.objects.values_list("kind", flat=True)) == ["report_published"]
    assert not Unsubscribe.objects.exists()  # invitations are another matter


def test_the_commands_queue_the_notices(consultation, amina, capsys):
    subscribe(amina, consultation.group, "deadline_reminder", "new_consultation")

    with time_machine.travel(at("2016-12-30"), tick=False):
        call_command("send_deadline_reminders", "--days", "5")
        call_command("notify_subscribers")

    out = capsys.readouterr().out
    assert "reminder queued: development-aspects" in out
    assert Announcement.objects.get().kind == "deadline_reminder"


def test_a_notice_queued_before_the_subscriber_stopped_it_is_not_sent(consultation, amina, clock):
    subscribe(amina, consultation.group, "deadline_reminder")
    send_deadline_reminders(now=at("2016-12-30"))

    Subscription.objects.filter(user=amina).delete()
    send_all(clock)

    assert not mail.outbox
    assert Delivery.objects.get().skip_reason == "subscription_ended"
