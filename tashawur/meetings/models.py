"""Meetings: the group's own, its physical open consultations, and those at external events.

Around a meeting (Res. 1336 rules 6 and 7): registrations to attend in person or
remotely, with a waiting list when the room is full; its sessions, their
recordings and WebVTT captions; and the place of each oral statement in the transcript.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from tashawur.core.fields import TranslatedTextField
from tashawur.core.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES, localized
from tashawur.groups.models import WorkingGroup
from tashawur.rules import DateSpan


class MeetingKind(models.TextChoices):
    GROUP = "group", _("Meeting of the group")
    OPEN_CONSULTATION = "open_consultation", _("Physical open consultation meeting")
    EXTERNAL_EVENT = "external_event", _("Consultation meeting at a stakeholder event")


class LinksVisibility(models.TextChoices):
    REGISTERED = "registered", _("Registered participants only")
    PUBLIC = "public", _("Everyone, on the meeting's public page")


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
    daily_starts_at = models.TimeField(
        _("daily start time"), null=True, blank=True,
        help_text=_("In the group's time zone. Leave both times empty for whole days."),
    )
    daily_ends_at = models.TimeField(_("daily end time"), null=True, blank=True)
    event_url = models.URLField(
        _("website of the external event"), max_length=500, blank=True,
        help_text=_("Rule 7: where the event publishes its own rules and registration."),
    )

    # Registration (rule 6: attend in person or remotely, with captioning).
    registration_open = models.BooleanField(
        _("registration open"), default=False,
        help_text=_("The public registration form is offered until the last day of the meeting."),
    )
    in_person_capacity = models.PositiveIntegerField(
        _("places in the room"), null=True, blank=True,
        help_text=_("Empty: no limit. When the room is full, new in-person registrations join the waiting list."),
    )
    remote_capacity = models.PositiveIntegerField(
        _("places for remote participants"), null=True, blank=True,
        help_text=_("Empty: no limit. When they are taken, new remote registrations join their own waiting list."),
    )
    remote_participation_url = models.URLField(_("remote participation link"), max_length=500, blank=True)
    webcast_url = models.URLField(_("webcast link"), max_length=500, blank=True)
    links_visibility = models.CharField(
        _("who sees the remote participation and webcast links"), max_length=12,
        choices=LinksVisibility.choices, default=LinksVisibility.REGISTERED,
    )

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
            models.CheckConstraint(
                condition=Q(daily_starts_at__isnull=True, daily_ends_at__isnull=True)
                | Q(daily_starts_at__isnull=False, daily_ends_at__isnull=False),
                name="meeting_times_both_or_neither",
            ),
            models.CheckConstraint(
                condition=Q(daily_starts_at__isnull=True) | Q(daily_ends_at__gt=F("daily_starts_at")),
                name="meeting_day_ends_after_start",
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


# --- registration -----------------------------------------------------------------------------

def stakeholder_group_choices():
    # The stakeholder groups of seed 001, as responses count them; imported late because the
    # responses app builds on this one (a response names the meeting of an oral statement).
    from tashawur.responses.models import StakeholderGroup

    return StakeholderGroup.choices


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remotely")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Place confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """One person's registration for a meeting; the waiting list is the order of ``registered_at``."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="registrations")
    attendance = models.CharField(_("attendance"), max_length=10, choices=Attendance.choices)
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254, help_text=_("Stored in lower case."))
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code"))
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=stakeholder_group_choices,
    )
    needs_captioning = models.BooleanField(_("captioning"), default=False)
    needs_sign_language = models.BooleanField(_("sign language interpretation"), default=False)
    sign_language = models.CharField(_("which sign language"), max_length=100, blank=True)
    needs_step_free_access = models.BooleanField(_("step-free access"), default=False)
    other_needs = models.TextField(_("other needs"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=8, help_text=_("The language of the mails we send."))
    registered_at = models.DateTimeField(_("registered at"))
    place_confirmed_at = models.DateTimeField(_("place confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["meeting", "registered_at", "pk"]
        indexes = [models.Index(fields=["meeting", "attendance", "status", "registered_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email"], condition=~Q(status="cancelled"), name="one_registration_per_address",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["confirmed", "waiting", "cancelled"]), name="registration_status_known",
            ),
            models.CheckConstraint(
                condition=Q(attendance__in=["in_person", "remote"]), name="registration_attendance_known",
            ),
            models.CheckConstraint(
                condition=Q(status="cancelled", cancelled_at__isnull=False)
                | (~Q(status="cancelled") & Q(cancelled_at__isnull=True)),
                name="registration_cancelled_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(place_confirmed_at__isnull=False),
                name="registration_confirmed_has_time",
            ),
            models.CheckConstraint(condition=Q(email=Lower("email")), name="registration_email_lower_case"),
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="registration_country_iso"),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def needs(self) -> list[str]:
        """The accessibility needs asked for, as labels (for the secretariat and the mails)."""
        sign_language = (
            _("sign language interpretation (%(language)s)") % {"language": self.sign_language}
            if self.sign_language else _("sign language interpretation")
        )
        return [str(label) for flag, label in (
            (self.needs_captioning, _("captioning")),
            (self.needs_sign_language, sign_language),
            (self.needs_step_free_access, _("step-free access")),
        ) if flag]


class RegistrationMailKind(models.TextChoices):
    CONFIRMED = "confirmed", _("Place confirmed")
    WAITING = "waiting", _("On the waiting list")
    PROMOTED = "promoted", _("Place given from the waiting list")


class RegistrationMail(models.Model):
    """A message about a registration, recorded before it is sent; at most one of each kind."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(_("kind"), max_length=10, choices=RegistrationMailKind.choices)
    to = models.CharField(_("to"), max_length=254)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("body"))
    calendar = models.TextField(_("calendar file"), blank=True, help_text=_("The .ics attached, if any."))
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("registration mail")
        verbose_name_plural = _("registration mails")
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="one_registration_mail_of_a_kind"),
        ]


# --- sessions, recordings, captions ----------------------------------------------------------

class RecordingKind(models.TextChoices):
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio")


class MeetingSession(models.Model):
    """A part of a meeting with its own recording and captions (e.g. "Morning session")."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sessions")
    title = TranslatedTextField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    recording_url = models.URLField(
        _("recording"), max_length=500, blank=True, help_text=_("The address of the video or audio file."),
    )
    recording_kind = models.CharField(
        _("kind of recording"), max_length=5, choices=RecordingKind.choices, default=RecordingKind.VIDEO,
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["meeting", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"),
        ]

    def __str__(self):
        return self.display_title()

    def display_title(self, language: str | None = None) -> str:
        return localized(self.title, language)


class CaptionTrack(models.Model):
    """The captions of a session in one language: the WebVTT file as uploaded, and its cues."""

    session = models.ForeignKey(MeetingSession, on_delete=models.CASCADE, related_name="caption_tracks")
    language = models.CharField(
        _("language"), max_length=2, choices=[(code, LANGUAGE_NAMES[code]) for code in CONTENT_LANGUAGES],
    )
    vtt = models.TextField(_("WebVTT file"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )

    class Meta:
        verbose_name = _("captions")
        verbose_name_plural = _("captions")
        ordering = ["session", "language"]
        constraints = [
            models.UniqueConstraint(fields=["session", "language"], name="one_caption_track_per_language"),
        ]

    def __str__(self):
        return f"{self.session} ({self.language})"


class Cue(models.Model):
    """One cue of a caption track: a line of the transcript, anchored by its number."""

    track = models.ForeignKey(CaptionTrack, on_delete=models.CASCADE, related_name="cues")
    number = models.PositiveIntegerField(_("number"))
    identifier = models.CharField(_("identifier"), max_length=200, blank=True)
    start_ms = models.PositiveIntegerField(_("start (ms)"))
    end_ms = models.PositiveIntegerField(_("end (ms)"))
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("cue")
        verbose_name_plural = _("cues")
        ordering = ["track", "number"]
        constraints = [
            models.UniqueConstraint(fields=["track", "number"], name="cue_number_unique_in_track"),
            models.CheckConstraint(condition=Q(end_ms__gt=F("start_ms")), name="cue_ends_after_start"),
        ]


class StatementPlace(models.Model):
    """Where an oral statement (a response of channel "oral") begins in a session's recording."""

    response = models.OneToOneField(
        "responses.Response", on_delete=models.CASCADE, related_name="transcript_place",
        verbose_name=_("oral statement"),
    )
    session = models.ForeignKey(MeetingSession, on_delete=models.CASCADE, related_name="statement_places")
    starts_at_ms = models.PositiveIntegerField(
        _("starts at (ms into the recording)"),
        help_text=_("The transcript links the statement from the cue being spoken at that moment."),
    )

    class Meta:
        verbose_name = _("place of an oral statement in the transcript")
        verbose_name_plural = _("places of oral statements in transcripts")
        ordering = ["session", "starts_at_ms"]
