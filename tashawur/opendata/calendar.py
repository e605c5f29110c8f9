"""The iCalendar feed of a group: every meeting, and each consultation's opening, deadline and report.

UIDs are stable (``meeting-12@domain``, ``consultation-3-deadline@domain``), and
SEQUENCE / LAST-MODIFIED come from ``record_calendar_events``, so when a date
moves a subscribed calendar replaces the event instead of adding a second one.
Events are whole days, as the rules count calendar days in the group's time zone.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from tashawur.consultations.selectors import consultation_calendar
from tashawur.core.languages import localized
from tashawur.meetings.models import MeetingKind
from tashawur.opendata import selectors
from tashawur.opendata.services import record_calendar_events


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    summary: str
    starts_on: date
    ends_on: date  # inclusive
    url: str
    category: str
    description: str = ""
    location: str = ""
    # Timed meetings repeat daily from starts_on to ends_on, in the group's zone (whole days otherwise).
    daily_hours: tuple[time, time] | None = None
    zone: str = ""
    # What the event is, independent of the reader's language: a change here is an update.
    content: dict = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        data = {"start": self.starts_on.isoformat(), "end": self.ends_on.isoformat(), **self.content}
        return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _uid(name: str) -> str:
    return f"{name}@{settings.MAIL_DOMAIN}"


def meeting_entries(meetings, absolute_url) -> list[CalendarEntry]:
    entries = []
    for meeting in meetings:
        consultations = list(meeting.consultations_held.all())
        summary = meeting.display_title()
        if meeting.kind == MeetingKind.OPEN_CONSULTATION and consultations and not localized(meeting.title):
            summary = _("Physical open consultation meeting: %(title)s") % {"title": consultations[0].display_title()}
        arrangements = [label for flag, label in (
            (meeting.remote_participation, _("remote participation")), (meeting.webcast, _("webcast")),
            (meeting.captioning, _("captioning")),
        ) if flag]
        description = _("With %(arrangements)s.") % {"arrangements": ", ".join(arrangements)} if arrangements else ""
        url = reverse("consultation-detail", args=[consultations[0].slug]) if consultations else reverse("home")
        # Daily times are being added to meetings; until then every meeting is whole days.
        hours = (getattr(meeting, "daily_starts_at", None), getattr(meeting, "daily_ends_at", None))
        entries.append(CalendarEntry(
            uid=_uid(f"meeting-{meeting.pk}"), summary=str(summary), starts_on=meeting.starts_on,
            ends_on=meeting.ends_on, url=absolute_url(url), category=meeting.kind, description=description,
            location=", ".join(part for part in (meeting.venue, meeting.city) if part),
            content={"kind": meeting.kind, "title": meeting.title, "number": meeting.number, "venue": meeting.venue,
                     "city": meeting.city, "event": meeting.event_name,
                     "access": [meeting.remote_participation, meeting.webcast, meeting.captioning],
                     "hours": [hour.isoformat() for hour in hours if hour]},
            daily_hours=hours if all(hours) else None, zone=meeting.group.time_zone,
        ))
    return entries


def consultation_entries(consultations, calendars, absolute_url) -> list[CalendarEntry]:
    """Opening, response deadline and compiled report: the actual date, or the one the rules expect."""
    entries = []
    for consultation in consultations:
        timeline = calendars[consultation.pk].timeline
        title = consultation.display_title()
        url = absolute_url(reverse("consultation-detail", args=[consultation.slug]))
        zone = consultation.group.time_zone
        dates = (
            ("launch", consultation.opens_on, _("Consultation opens: %(title)s"),
             timeline.latest_launch, _("Consultation to open by (rule 3): %(title)s"), ""),
            ("deadline", consultation.response_deadline, _("Response deadline: %(title)s"),
             timeline.response_deadline, _("Latest response deadline (rule 4): %(title)s"),
             _("Responses are accepted until the end of this day, %(zone)s time.") % {"zone": zone}),
            ("report", consultation.report_published_on, _("Compiled report published: %(title)s"),
             timeline.report_due, _("Compiled report due (rule 5): %(title)s"), ""),
        )
        for name, actual, actual_summary, expected, expected_summary, description in dates:
            day, summary = (actual, actual_summary) if actual else (expected, expected_summary)
            if day is None:
                continue
            entries.append(CalendarEntry(
                uid=_uid(f"consultation-{consultation.pk}-{name}"), summary=summary % {"title": title},
                starts_on=day, ends_on=day, url=url, category=name, description=description,
                content={"kind": name, "actual": bool(actual), "title": consultation.topic.title, "zone": zone},
            ))
    return entries


def group_calendar(group, absolute_url) -> bytes:
    """The group's calendar as iCalendar bytes (RFC 5545)."""
    consultations = list(selectors.group_consultations(group))
    calendars = {consultation.pk: consultation_calendar(consultation) for consultation in consultations}
    entries = meeting_entries(selectors.group_meetings(group), absolute_url)
    entries += consultation_entries(consultations, calendars, absolute_url)
    versions = record_calendar_events(group=group, fingerprints={entry.uid: entry.fingerprint for entry in entries})
    calendar = Calendar()
    calendar.add("prodid", "-//Tashawur//Open consultations//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{group.code}: {group.display_name()}")
    for entry in sorted(entries, key=lambda entry: (entry.starts_on, entry.uid)):
        version = versions[entry.uid]
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", version.last_modified)
        event.add("last-modified", version.last_modified)
        event.add("sequence", version.sequence)
        _add_dates(event, entry)
        event.add("summary", entry.summary)
        event.add("url", entry.url)
        event.add("categories", [entry.category])
        event.add("transp", "TRANSPARENT")
        if entry.description:
            event.add("description", entry.description)
        if entry.location:
            event.add("location", entry.location)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _add_dates(event: Event, entry: CalendarEntry) -> None:
    """Whole days (DTEND is exclusive), or the daily hours repeated on each day of the meeting."""
    if entry.daily_hours is None:
        event.add("dtstart", entry.starts_on)
        event.add("dtend", entry.ends_on + timedelta(days=1))
        return
    zone = ZoneInfo(entry.zone)
    starts, ends = entry.daily_hours
    event.add("dtstart", datetime.combine(entry.starts_on, starts, tzinfo=zone))
    event.add("dtend", datetime.combine(entry.starts_on, ends, tzinfo=zone))
    days = (entry.ends_on - entry.starts_on).days + 1
    if days > 1:
        event.add("rrule", {"freq": "daily", "count": days})
