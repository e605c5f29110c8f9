"""The narrative of a group's annual report to Council (Res. 1336 rule 11).

The platform fills in the facts (meetings, consultations, decisions, repository,
positions, mandates); the secretariat writes the parts only people can write.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tashawur.core.fields import TranslatedTextField
from tashawur.groups.models import WorkingGroup

_YEARS = [MinValueValidator(1990), MaxValueValidator(2100)]


class AnnualReport(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="annual_reports")
    first_year = models.PositiveSmallIntegerField(_("first year"), validators=_YEARS)
    last_year = models.PositiveSmallIntegerField(
        _("last year"), validators=_YEARS, help_text=_("The same as the first year, or later for a span such as 2016–2017."),
    )
    summary = TranslatedTextField(_("summary"), multiline=True, blank=True)
    introduction = TranslatedTextField(_("introduction"), multiline=True, blank=True)
    conclusions = TranslatedTextField(_("conclusions and recommendations"), multiline=True, blank=True)
    action_required = TranslatedTextField(_("action required from Council"), multiline=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["group", "-first_year"]
        constraints = [
            models.UniqueConstraint(fields=["group", "first_year", "last_year"], name="annual_report_once"),
            models.CheckConstraint(condition=Q(last_year__gte=F("first_year")), name="annual_report_span_ordered"),
        ]

    def __str__(self):
        return f"{self.group.code} {self.span_label}"

    @property
    def span_label(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}\u2013{self.last_year}"

    def clean(self):
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The last year cannot come before the first.")})
