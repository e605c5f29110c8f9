"""What the calendar feeds last published, so that a moved date is sent as an update, not a new event."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tashawur.groups.models import WorkingGroup


class PublishedCalendarEvent(models.Model):
    """One event of a group's iCalendar feed, as last published.

    When the content of an event changes (a deadline moves, a meeting is
    renamed), its SEQUENCE goes up and LAST-MODIFIED is the moment the feed
    noticed, so calendar programs replace the old event (RFC 5545, 3.8.7.4).
    """

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="published_calendar_events")
    uid = models.CharField(_("UID"), max_length=200, unique=True)
    fingerprint = models.CharField(max_length=64)
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    last_modified = models.DateTimeField(_("last modified"))

    class Meta:
        verbose_name = _("published calendar event")
        verbose_name_plural = _("published calendar events")
        ordering = ["group", "uid"]

    def __str__(self):
        return f"{self.uid} #{self.sequence}"
