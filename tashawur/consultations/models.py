"""An open consultation on a topic, and the rule findings recorded against its schedule."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tashawur.core.fields import TranslatedTextField
from tashawur.core.languages import localized
from tashawur.cycles.models import Topic
from tashawur.groups.models import WorkingGroup
from tashawur.meetings.models import Meeting, MeetingKind
from tashawur.rules import Severity


class Consultation(models.Model):
    """An online consultation of all stakeholders on one topic (Res. 1336 rules 3–8).

    Its status is never stored: it follows from the dates (see ``selectors``).
    """

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="consultations")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="consultations")
    slug = models.SlugField(_("public slug"), max_length=80, unique=True)
    background = TranslatedTextField(_("background"), multiline=True, blank=True)
    chosen_at = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="consultations_chosen",
        verbose_name=_("chosen at meeting"), limit_choices_to={"kind": MeetingKind.GROUP},
        help_text=_("The group meeting that chose the topic; rule 3 counts from its last day."),
    )
    feeds_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="consultations_fed",
        verbose_name=_("next group meeting"), limit_choices_to={"kind": MeetingKind.GROUP},
        help_text=_("The group meeting that will discuss the responses; rule 6 counts back from its first day."),
    )
    physical_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="consultations_held",
        verbose_name=_("physical open consultation meeting"),
        limit_choices_to={"kind": MeetingKind.OPEN_CONSULTATION},
    )
    announced_on = models.DateField(_("announced on"), null=True, blank=True)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    response_deadline = models.DateField(
        _("response deadline"), null=True, blank=True,
        help_text=_("The last day on which responses are accepted, in the group's time zone."),
    )
    report_published_on = models.DateField(_("compiled report published on"), null=True, blank=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_on", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(response_deadline__isnull=True) | Q(opens_on__isnull=True)
                | Q(response_deadline__gte=F("opens_on")),
                name="consultation_deadline_after_opening",
            ),
        ]

    def __str__(self):
        return self.display_title()

    def display_title(self, language: str | None = None) -> str:
        return localized(self.topic.title, language) if self.topic_id else self.slug

    def clean(self):
        errors = {}
        if self.topic_id and self.group_id and self.topic.group_id != self.group_id:
            errors["topic"] = _("This topic belongs to another group.")
        for field in ("chosen_at", "feeds_meeting", "physical_meeting"):
            meeting = getattr(self, field)
            if meeting is not None and self.group_id and meeting.group_id != self.group_id:
                errors[field] = _("This meeting belongs to another group.")
        if self.opens_on and self.response_deadline and self.response_deadline < self.opens_on:
            errors["response_deadline"] = _("The response deadline cannot come before the opening date.")
        if errors:
            raise ValidationError(errors)


class RuleFinding(models.Model):
    """A rule a consultation's schedule breaks (or cannot yet be checked against).

    Saving a schedule records what the rule engine found; nothing is silently
    fixed. A finding that no longer applies is marked resolved, not deleted.
    """

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="rule_findings")
    rule = models.PositiveSmallIntegerField(_("rule"))
    code = models.CharField(_("code"), max_length=60)
    severity = models.CharField(_("severity"), max_length=12, choices=[(s.value, s.value) for s in Severity])
    expected = models.DateField(_("expected"), null=True, blank=True)
    actual = models.DateField(_("actual"), null=True, blank=True)
    days_off = models.IntegerField(_("days off"), default=0)
    detected_at = models.DateTimeField(_("detected at"), auto_now_add=True)
    detected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("rule finding")
        verbose_name_plural = _("rule findings")
        ordering = ["consultation", "rule", "code", "-detected_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "code"], condition=Q(resolved_at__isnull=True),
                name="one_open_finding_per_code",
            ),
        ]

    def __str__(self):
        return f"{self.consultation.slug}: rule {self.rule} {self.code}"
