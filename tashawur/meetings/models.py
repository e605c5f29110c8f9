"""Meetings: the group's own, its physical open consultations, and those at external events."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from tashawur.core.fields import TranslatedTextField
from tashawur.core.languages import localized
from tashawur.groups.models import WorkingGroup
from tashawur.rules import DateSpan


class MeetingKind(models.TextChoices):
    GROUP = "group", _("Meeting of the group")
    OPEN_CONSULTATION = "open_consultation", _("Physical open consultation meeting")
    EXTERNAL_EVENT = "external_event", _("Consultation meeting at a stakeholder event")


class Meeting(models.Model):
    """A meeting over one or several calendar days in the group's time zone.

    Group meetings are numbered (8th, 9th...); open consultation meetings carry
    the accessibility arrangements rule 6 requires; rule 7 meetings name the
    external event (e.g. the WSIS Forum) whose rules they follow.
    """

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    number = models.PositiveSmallIntegerField(
        pgettext_lazy("meeting number", "number"), null=True, blank=True,
        help_text=_("Group meetings only: 8 for the 8th meeting."),
    )
    title = TranslatedTextField(_("title"), max_length=300, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    event_name = models.CharField(
        _("external event"), max_length=200, blank=True,
        help_text=_("Rule 7: the stakeholder event hosting this consultation meeting, e.g. WSIS Forum 2017."),
    )
    remote_participation = models.BooleanField(_("remote participation"), default=False)
    webcast = models.BooleanField(_("webcast"), default=False)
    captioning = models.BooleanField(_("captioning"), default=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_on", "kind"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="meeting_ends_after_start"),
            models.CheckConstraint(
                condition=(Q(kind=MeetingKind.GROUP) & Q(number__isnull=False))
                | (~Q(kind=MeetingKind.GROUP) & Q(number__isnull=True)),
                name="meeting_number_only_for_group_meetings",
            ),
            models.UniqueConstraint(
                fields=["group", "number"], condition=Q(number__isnull=False), name="meeting_number_unique"
            ),
            models.CheckConstraint(
                condition=~Q(kind=MeetingKind.EXTERNAL_EVENT) | ~Q(event_name=""),
                name="external_meeting_names_event",
            ),
        ]

    def __str__(self):
        return self.display_title()

    @property
    def span(self) -> DateSpan:
        return DateSpan(self.starts_on, self.ends_on)

    def display_title(self, language: str | None = None) -> str:
        text = localized(self.title, language)
        if text:
            return text
        if self.kind == MeetingKind.GROUP:
            return _("%(group)s meeting no. %(number)s") % {"group": self.group.code, "number": self.number}
        return f"{self.get_kind_display()} ({self.starts_on.isoformat()})"
