"""Atom feeds and the iCalendar feed, parsed back as a feed reader and a calendar program would."""

import datetime as dt

import feedparser
import pytest
import time_machine
from icalendar import Calendar

from tashawur.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def feed_of(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def events_of(client, code, **params):
    response = client.get(f"/opendata/groups/{code}/calendar.ics", params)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(event["UID"]): event for event in Calendar.from_ical(response.content).walk("VEVENT")}


def test_the_consultation_feed_lists_newly_published_public_responses(client, world):
    feed = feed_of(client, "/opendata/consultations/development-aspects/responses.atom")

    receipts = {entry.link.rstrip("/").rsplit("/", 1)[-1] for entry in feed.entries}
    assert receipts == {world["named"].receipt_number, world["anonymous"].receipt_number}
    named = next(entry for entry in feed.entries if world["named"].receipt_number in entry.link)
    assert named.author == "Amina Haddad" and "Affordable access" in named.summary
    assert named.id == f"tag:consultations.localhost,2016:response/{world['named'].receipt_number}"


def test_the_group_feed_announces_consultations_reports_and_decisions(client, demo):
    feed = feed_of(client, "/opendata/groups/CWG-Internet/feed.atom")
    titles = [entry.title for entry in feed.entries]

    assert "New consultation: Development aspects of the Internet" in titles
    assert any(title.startswith("Compiled report published: ") for title in titles)
    assert any("No consensus: referred to Council" in title for title in titles)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_feeds_can_be_asked_for_in_another_language(client, demo):
    feed = feed_of(client, "/opendata/groups/CWG-Internet/feed.atom?lang=ar")
    assert feed.feed.language == "ar"


def test_an_unknown_group_or_consultation_has_no_feed(client, db):
    assert client.get("/opendata/groups/NOPE/feed.atom").status_code == 404
    assert client.get("/opendata/consultations/nope/responses.atom").status_code == 404
    assert client.get("/opendata/groups/NOPE/calendar.ics").status_code == 404


def test_the_calendar_has_every_meeting_and_deadline_with_stable_uids(client, world, consultation):
    events = events_of(client, consultation.group.code)

    physical = consultation.physical_meeting
    meeting = events[f"meeting-{physical.pk}@consultations.localhost"]
    assert meeting.decoded("DTSTART") == dt.date(2017, 2, 3) and meeting.decoded("DTEND") == dt.date(2017, 2, 4)
    assert str(meeting["SUMMARY"]) == "Physical open consultation meeting: Development aspects of the Internet"
    kinds = {uid.split("@")[0].rsplit("-", 1)[-1]: event for uid, event in events.items()
             if uid.startswith(f"consultation-{consultation.pk}-")}
    assert kinds["launch"].decoded("DTSTART") == dt.date(2016, 10, 28)
    assert kinds["deadline"].decoded("DTSTART") == dt.date(2017, 1, 4)
    assert str(kinds["report"]["SUMMARY"]).startswith("Compiled report due (rule 5)")
    assert kinds["report"].decoded("DTSTART") == dt.date(2017, 1, 19)  # 15 days before the physical meeting
    assert all(event["SEQUENCE"] == 0 for event in events.values())


def test_a_date_that_moves_is_sent_as_an_update_of_the_same_event(client, world, consultation):
    with time_machine.travel(dt.datetime(2016, 11, 1, tzinfo=dt.UTC), tick=False):
        before = events_of(client, consultation.group.code)
    physical = consultation.physical_meeting
    Meeting.objects.filter(pk=physical.pk).update(starts_on=dt.date(2017, 2, 2), ends_on=dt.date(2017, 2, 2))
    with time_machine.travel(dt.datetime(2016, 11, 5, tzinfo=dt.UTC), tick=False):
        after = events_of(client, consultation.group.code)

    uid = f"meeting-{physical.pk}@consultations.localhost"
    assert set(after) == set(before)
    assert (after[uid]["SEQUENCE"], after[uid].decoded("DTSTART")) == (1, dt.date(2017, 2, 2))
    assert after[uid].decoded("LAST-MODIFIED") == dt.datetime(2016, 11, 5, tzinfo=dt.UTC)
    report = f"consultation-{consultation.pk}-report@consultations.localhost"  # rule 5 counts from the meeting
    assert after[report]["SEQUENCE"] == 1 and after[report].decoded("DTSTART") == dt.date(2017, 1, 18)
    launch = f"consultation-{consultation.pk}-launch@consultations.localhost"
    assert after[launch]["SEQUENCE"] == 0 and after[launch].decoded("LAST-MODIFIED") == before[launch].decoded(
        "LAST-MODIFIED")


def test_the_language_of_the_calendar_does_not_count_as_a_change(client, world, consultation):
    events_of(client, consultation.group.code)
    arabic = events_of(client, consultation.group.code, lang="ar")
    assert all(event["SEQUENCE"] == 0 for event in arabic.values())


def test_an_unchanged_calendar_or_feed_answers_304_to_its_etag(client, world, consultation):
    for url in (f"/opendata/groups/{consultation.group.code}/calendar.ics",
                "/opendata/consultations/development-aspects/responses.atom"):
        first = client.get(url)
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.skipif(not any(field.name == "daily_starts_at" for field in Meeting._meta.fields),
                    reason="meetings have no daily times in this tree")
def test_a_meeting_with_daily_hours_is_a_timed_event_repeated_each_day(client, world, consultation):
    group_meeting = consultation.feeds_meeting  # 6-7 February 2017
    Meeting.objects.filter(pk=group_meeting.pk).update(daily_starts_at=dt.time(9, 30), daily_ends_at=dt.time(17))
    response = client.get(f"/opendata/groups/{consultation.group.code}/calendar.ics")
    calendar = Calendar.from_ical(response.content)
    uid = f"meeting-{group_meeting.pk}@consultations.localhost"
    event = next(event for event in calendar.walk("VEVENT") if str(event["UID"]) == uid)

    assert event.decoded("DTSTART") == dt.datetime(2017, 2, 6, 9, 30, tzinfo=consultation.group.zone)
    assert event["RRULE"]["COUNT"] == [2]
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Zurich"]


def test_feeds_and_the_calendar_make_a_fixed_number_of_queries(client, world, consultation, secretariat,
                                                              django_assert_max_num_queries):
    from tashawur.responses.services import publish_response
    from tests.opendata_world import build_consultation, submit

    for number in range(5):
        publish_response(actor=secretariat, response=submit(consultation, answers=(f"Answer {number}.",)))
    build_consultation(slug="second")
    code = consultation.group.code
    for url in (f"/opendata/groups/{code}/calendar.ics", f"/opendata/groups/{code}/feed.atom",
                "/opendata/consultations/development-aspects/responses.atom"):
        with django_assert_max_num_queries(9):
            assert client.get(url).status_code == 200
