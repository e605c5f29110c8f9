"""Documents the secretariat circulates (Res. 1336 rules 5 and 8), and the facts they need.

- ``MeetingAttendance``: which member states attended a group meeting (the chair's report).
- ``ChairReport``: the narrative parts of a chair's report, edited by the secretariat; the
  platform fills in the facts (meetings, attendance, consultations, decisions, annexes).
- ``ReportVersion`` and ``ReportFile``: a published compiled report. A version, once
  published, never changes; publishing again makes a new version and keeps the old one.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tashawur.consultations.models import Consultation
from tashawur.core.fields import TranslatedTextField
from tashawur.core.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES
from tashawur.documents.errors import PublishedDocumentIsImmutable
from tashawur.groups.models import MemberState, WorkingGroup
from tashawur.meetings.models import Meeting, MeetingKind


class Edition(models.TextChoices):
    PUBLIC = "public", _("Public edition")
    GROUP = "group", _("Edition for the group (includes responses not for publication)")


class Format(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word (DOCX)")
    HTML = "html", _("Web page (HTML)")


class Order(models.TextChoices):
    RESPONDENT = "respondent", _("By respondent")
    QUESTION = "question", _("By question")


LANGUAGE_CHOICES = [(code, LANGUAGE_NAMES[code]) for code in CONTENT_LANGUAGES]


class MeetingAttendance(models.Model):
    """A member state present at a group meeting, in the room or remotely."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance",
        limit_choices_to={"kind": MeetingKind.GROUP}, verbose_name=_("meeting"),
    )
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="attendance", verbose_name=_("member state"),
    )
    remote = models.BooleanField(_("took part remotely"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "member_state__code"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member_state"], name="attendance_once_per_meeting"),
        ]

    def __str__(self):
        return f"{self.meeting} – {self.member_state.code}"

    def clean(self):
        if self.meeting_id and self.meeting.kind != MeetingKind.GROUP:
            raise ValidationError({"meeting": _("Attendance is recorded for meetings of the group itself.")})


class AttendanceSheet(Meeting):
    """A group meeting seen as the list of member states that attended it (admin only)."""

    class Meta:
        proxy = True
        verbose_name = _("attendance sheet")
        verbose_name_plural = _("attendance sheets")


class ChairReport(models.Model):
    """The chair's report on one or more group meetings, in the shape of seed 003.

    The secretariat writes the narrative; the meetings' dates, attendance, the
    consultations presented, the decisions and the candidate topics come from the
    platform's records when the report is generated.
    """

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="chair_reports")
    meetings = models.ManyToManyField(
        Meeting, related_name="chair_reports", verbose_name=_("meetings reported on"),
        limit_choices_to={"kind": MeetingKind.GROUP},
    )
    symbol = models.CharField(_("document symbol"), max_length=60, blank=True, help_text=_("e.g. C17/40"))
    issued_on = models.DateField(_("date of the document"))
    chair_name = models.CharField(_("chair"), max_length=200)
    chair_member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("chair's member state"),
    )
    summary = TranslatedTextField(_("summary"), multiline=True, blank=True)
    action_required = TranslatedTextField(_("action required"), multiline=True, blank=True)
    references = TranslatedTextField(_("references"), multiline=True, blank=True)
    introduction = TranslatedTextField(_("introduction"), multiline=True, blank=True)
    conclusions = TranslatedTextField(
        _("conclusions"), multiline=True, blank=True,
        help_text=_("Added after the decisions the platform lists, e.g. the request to Council."),
    )
    acknowledgements = TranslatedTextField(_("acknowledgements"), multiline=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("chair's report")
        verbose_name_plural = _("chair's reports")
        ordering = ["group", "-issued_on"]

    def __str__(self):
        return self.symbol or f"{self.group.code} {self.issued_on.isoformat()}"


class PublicationState(models.TextChoices):
    QUEUED = "queued", _("Waiting for the worker")
    RUNNING = "running", _("Being generated")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Failed")


def report_storage():
    """Published files are written once and made read-only on disk."""
    return FileSystemStorage(file_permissions_mode=0o444)


class ReportVersion(models.Model):
    """One publication of a consultation's compiled report (Res. 1336 rules 5 and 8).

    Generated by a background task that updates ``progress``; once published, the
    row and its files are immutable. Re-publishing creates version n+1.
    """

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="report_versions")
    edition = models.CharField(_("edition"), max_length=10, choices=Edition.choices, default=Edition.PUBLIC)
    version = models.PositiveIntegerField(_("version"))
    symbol = models.CharField(_("document symbol"), max_length=80)
    languages = models.JSONField(_("languages"), default=list)
    formats = models.JSONField(_("formats"), default=list)
    order = models.CharField(_("order"), max_length=12, choices=Order.choices, default=Order.RESPONDENT)
    group_identical = models.BooleanField(_("identical submissions shown once"), default=True)
    state = models.CharField(_("state"), max_length=10, choices=PublicationState.choices, default=PublicationState.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    stage = models.CharField(_("stage"), max_length=200, blank=True)
    response_count = models.PositiveIntegerField(_("responses included"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("compiled report version")
        verbose_name_plural = _("compiled report versions")
        ordering = ["consultation", "edition", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "edition", "version"], name="report_version_once"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_progress_at_most_100"),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False), name="published_report_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.consultation.slug} {self.edition} v{self.version}"

    def _is_published(self) -> bool:
        """As stored: the worker publishes with an UPDATE, so this instance may not know yet."""
        return bool(self.pk) and type(self).objects.filter(pk=self.pk, state=PublicationState.PUBLISHED).exists()

    def save(self, *args, **kwargs):
        if self._is_published():
            raise PublishedDocumentIsImmutable(version=self.version)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.state == PublicationState.PUBLISHED or self._is_published():
            raise PublishedDocumentIsImmutable(version=self.version)
        return super().delete(*args, **kwargs)

    @property
    def is_finished(self) -> bool:
        return self.state in (PublicationState.PUBLISHED, PublicationState.FAILED)


def report_file_path(instance, filename):
    version = instance.version
    return f"reports/{version.consultation.slug}/{version.edition}/v{version.version}/{filename}"


class ReportFile(models.Model):
    """One file of a published version: a language in a format, with its SHA-256."""

    version = models.ForeignKey(ReportVersion, on_delete=models.PROTECT, related_name="files")
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    file = models.FileField(upload_to=report_file_path, storage=report_storage, max_length=300)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        ordering = ["version", "language", "format"]
        constraints = [
            models.UniqueConstraint(fields=["version", "language", "format"], name="report_file_once"),
        ]

    def __str__(self):
        return self.filename

    @property
    def filename(self) -> str:
        return f"{self.language}.{self.format}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise PublishedDocumentIsImmutable(version=self.version.version)
        super().save(*args, **kwargs)
