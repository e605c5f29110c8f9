"""A meeting as an iCalendar event (RFC 5545), for the confirmation mail and the meeting page.

The UID is the one of the group's calendar feed (``meeting-<id>@MAIL_DOMAIN``), so a
calendar that has both keeps one event. Whole days unless the secretariat set the
daily times; timed days repeat daily in the group's time zone, as the meeting does.
"""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from tashawur.meetings.models import Meeting


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@{settings.MAIL_DOMAIN}"


def meeting_url(meeting: Meeting) -> str:
    return settings.PUBLIC_BASE_URL + reverse("meeting-detail", args=[meeting.pk])


def meeting_location(meeting: Meeting) -> str:
    return ", ".join(part for part in (meeting.event_name, meeting.venue, meeting.city) if part)


def _description(meeting: Meeting) -> str:
    arrangements = [str(label) for flag, label in (
        (meeting.remote_participation, _("remote participation")), (meeting.webcast, _("webcast")),
        (meeting.captioning, _("captioning")),
    ) if flag]
    lines = [str(meeting.get_kind_display())]
    if arrangements:
        lines.append(_("With %(arrangements)s.") % {"arrangements": ", ".join(arrangements)})
    lines.append(meeting_url(meeting))
    return "\n".join(lines)


def meeting_event(meeting: Meeting) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now())
    event.add("summary", str(meeting.display_title()))
    event.add("description", _description(meeting))
    event.add("url", meeting_url(meeting))
    if location := meeting_location(meeting):
        event.add("location", location)
    if meeting.daily_starts_at and meeting.daily_ends_at:
        zone = meeting.group.zone
        event.add("dtstart", dt.datetime.combine(meeting.starts_on, meeting.daily_starts_at, tzinfo=zone))
        event.add("dtend", dt.datetime.combine(meeting.starts_on, meeting.daily_ends_at, tzinfo=zone))
        days = (meeting.ends_on - meeting.starts_on).days + 1
        if days > 1:
            event.add("rrule", {"freq": "daily", "count": days})
    else:
        event.add("dtstart", meeting.starts_on)
        event.add("dtend", meeting.ends_on + dt.timedelta(days=1))  # DTEND of a whole day is exclusive
    return event


def meeting_calendar(meeting: Meeting) -> bytes:
    """The meeting as an .ics file, in the active language; only what the public page shows."""
    calendar = Calendar()
    calendar.add("prodid", "-//Tashawur//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(meeting_event(meeting))
    calendar.add_missing_timezones()
    return calendar.to_ical()
