"""Issues of public policy: one taxonomy shared by groups, consultations, responses and documents.

Seeded from the synthesis of seed 001 (the UN Secretary-General's report on
enhanced cooperation, para. 17); the secretariat edits the names in the six
languages. Consultations and responses are tagged here, on this side, so the
apps that own them need not know the taxonomy exists.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tashawur.consultations.models import Consultation
from tashawur.core.fields import TranslatedTextField
from tashawur.core.languages import localized
from tashawur.groups.models import WorkingGroup
from tashawur.responses.models import Response


class PolicyIssue(models.Model):
    slug = models.SlugField(_("short name"), max_length=80, unique=True, help_text=_("Used in the issue's address."))
    name = TranslatedTextField(_("name"), max_length=200)
    description = TranslatedTextField(_("description"), multiline=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)
    groups = models.ManyToManyField(
        WorkingGroup, related_name="policy_issues", blank=True, verbose_name=_("groups handling the issue"),
        help_text=_("Delegates of member states in these groups may state their state's position on the issue."),
    )

    class Meta:
        verbose_name = _("public-policy issue")
        verbose_name_plural = _("public-policy issues")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.display_name()

    def display_name(self, language: str | None = None) -> str:
        return localized(self.name, language) or self.slug


class ConsultationIssue(models.Model):
    """A consultation tagged with an issue it deals with."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="policy_issue_tags")
    issue = models.ForeignKey(PolicyIssue, on_delete=models.CASCADE, related_name="consultation_tags")

    class Meta:
        verbose_name = _("issue of a consultation")
        verbose_name_plural = _("issues of consultations")
        constraints = [models.UniqueConstraint(fields=["consultation", "issue"], name="consultation_issue_once")]

    def __str__(self):
        return f"{self.consultation} – {self.issue}"


class ResponseIssue(models.Model):
    """A response tagged by the secretariat with an issue it speaks to."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="policy_issue_tags")
    issue = models.ForeignKey(PolicyIssue, on_delete=models.CASCADE, related_name="response_tags")
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    tagged_at = models.DateTimeField(_("tagged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("issue of a response")
        verbose_name_plural = _("issues of responses")
        constraints = [models.UniqueConstraint(fields=["response", "issue"], name="response_issue_once")]

    def __str__(self):
        return f"{self.response} – {self.issue}"
