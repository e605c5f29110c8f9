"""Resolutions and their operative paragraphs as mandates to follow up (e.g. Council Res. 1334).

Whether a mandate is due or overdue is never stored: ``due.py`` computes it from
its dates and the documents that answer it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tashawur.core.fields import TranslatedTextField
from tashawur.core.languages import localized
from tashawur.groups.models import WorkingGroup
from tashawur.mandates.due import Recurrence, SessionDate


class IssuingBody(models.TextChoices):
    COUNCIL = "council", _("Council")
    PLENIPOTENTIARY = "plenipotentiary", _("Plenipotentiary Conference")


class Resolution(models.Model):
    body = models.CharField(_("adopted by"), max_length=20, choices=IssuingBody.choices, default=IssuingBody.COUNCIL)
    number = models.CharField(_("number"), max_length=20)
    title = TranslatedTextField(_("title"), max_length=500)
    council_session_month = models.PositiveSmallIntegerField(
        _("month of the Council session"), default=6, validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Annual mandates are due by the first day of each year's Council session."),
    )
    council_session_day = models.PositiveSmallIntegerField(
        _("first day of the Council session"), default=1, validators=[MinValueValidator(1), MaxValueValidator(31)],
    )

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["body", "number"]
        constraints = [models.UniqueConstraint(fields=["body", "number"], name="resolution_number_unique")]

    def __str__(self):
        return self.label()

    def label(self) -> str:
        """e.g. "Resolution 1334 (modified 2023)", from the latest revision."""
        revisions = sorted(self.revisions.all(), key=lambda revision: revision.year)
        if not revisions:
            return _("Resolution %(number)s") % {"number": self.number}
        latest = revisions[-1]
        return _("Resolution %(number)s (%(revision)s %(year)s)") % {
            "number": self.number, "revision": latest.get_kind_display(), "year": latest.year,
        }

    def display_title(self, language: str | None = None) -> str:
        return localized(self.title, language)

    @property
    def session(self) -> SessionDate:
        return SessionDate(self.council_session_month, self.council_session_day)

    def clean(self):
        try:
            self.session.in_year(2023)  # 2023: not a leap year, so 29 February is refused too
        except ValueError:
            raise ValidationError({"council_session_day": _("This day does not exist in that month.")}) from None


class RevisionKind(models.TextChoices):
    ADOPTED = "adopted", _("adopted")
    MODIFIED = "modified", _("modified")
    REVISED = "revised", _("revised")


class ResolutionRevision(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="revisions")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=RevisionKind.choices, default=RevisionKind.MODIFIED)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["resolution", "year"]
        constraints = [models.UniqueConstraint(fields=["resolution", "year"], name="revision_once_a_year")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"


class Addressee(models.TextChoices):
    SECRETARY_GENERAL = "secretary_general", _("the Secretary-General")
    WORKING_GROUP = "working_group", _("a working group")
    MEMBER_STATES = "member_states", _("Member States")
    MEMBERS = "members", _("Members")


class Verb(models.TextChoices):
    INSTRUCTS = "instructs", _("instructs")
    ENCOURAGES = "encourages", _("encourages")
    INVITES = "invites", _("invites")


class Mandate(models.Model):
    """An operative paragraph: what is asked, of whom, how often and by when."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="mandates")
    verb = models.CharField(_("action"), max_length=12, choices=Verb.choices)
    addressee = models.CharField(_("addressee"), max_length=20, choices=Addressee.choices)
    paragraph = models.PositiveSmallIntegerField(_("paragraph"))
    text = TranslatedTextField(_("text"), multiline=True, max_length=4000)
    group = models.ForeignKey(
        WorkingGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="mandates",
        verbose_name=_("working group"),
        help_text=_("The group addressed, or the group through which the Secretary-General reports."),
    )
    recurrence = models.CharField(
        _("recurrence"), max_length=12, default=Recurrence.CONTINUING,
        choices=[(Recurrence.ONCE, _("Once")), (Recurrence.ANNUAL, _("Every year, before the Council session")),
                 (Recurrence.CONTINUING, _("Continuing, with no due date"))],
    )
    due_on = models.DateField(_("due on"), null=True, blank=True, help_text=_("For a mandate carried out once."))
    first_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True, help_text=_("For an annual mandate."))
    last_year = models.PositiveSmallIntegerField(
        _("last year"), null=True, blank=True, help_text=_("For an annual mandate with an end, e.g. “until 2025”."),
    )

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["resolution", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "verb", "addressee", "paragraph"], name="mandate_paragraph_once"),
            models.CheckConstraint(
                condition=~Q(recurrence=Recurrence.ONCE) | Q(due_on__isnull=False), name="once_mandate_has_due_date",
            ),
            models.CheckConstraint(
                condition=~Q(recurrence=Recurrence.ANNUAL) | Q(first_year__isnull=False), name="annual_mandate_has_first_year",
            ),
        ]

    def __str__(self):
        return f"{self.resolution.number} {self.get_verb_display()} {self.get_addressee_display()} {self.paragraph}"

    def clean(self):
        if self.recurrence == Recurrence.ONCE and not self.due_on:
            raise ValidationError({"due_on": _("A mandate carried out once has a due date.")})
        if self.recurrence == Recurrence.ANNUAL and not self.first_year:
            raise ValidationError({"first_year": _("An annual mandate has a first year.")})
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The last year cannot come before the first.")})


class MandateAnswer(models.Model):
    """A document that answers a mandate; for an annual one, the year of the session it answers."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="answers")
    title = models.CharField(_("title"), max_length=300)
    reference = models.CharField(_("document number"), max_length=60, blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    submitted_on = models.DateField(_("submitted on"))
    for_year = models.PositiveSmallIntegerField(
        _("for the session of"), null=True, blank=True, help_text=_("Annual mandates: the year of the Council session."),
    )

    class Meta:
        verbose_name = _("answering document")
        verbose_name_plural = _("answering documents")
        ordering = ["mandate", "submitted_on", "pk"]

    def __str__(self):
        return self.reference or self.title


class ProgressNote(models.Model):
    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="progress_notes")
    noted_on = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["mandate", "noted_on", "pk"]

    def __str__(self):
        return f"{self.mandate}: {self.noted_on.isoformat()}"
