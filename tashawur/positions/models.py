"""Positions of member states on the issues a group handles (Res. 1336 rule 10).

A state's position is a dated statement in any language. A new statement
supersedes the current one, which stays in the history; the database holds
"one current statement per state and issue (or topic)".
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tashawur.cycles.models import Topic
from tashawur.groups.models import MemberState
from tashawur.policy.models import PolicyIssue


class PositionStatement(models.Model):
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="position_statements", verbose_name=_("member state"),
    )
    issue = models.ForeignKey(
        PolicyIssue, on_delete=models.PROTECT, null=True, blank=True, related_name="position_statements",
        verbose_name=_("issue"),
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="position_statements",
        verbose_name=_("consultation topic"),
    )
    text = models.TextField(_("position"))
    language = models.CharField(_("language"), max_length=8, blank=True, help_text=_("ISO 639-1, detected if not given"))
    stated_on = models.DateField(_("stated on"))
    is_current = models.BooleanField(_("current"), default=True, editable=False)
    superseded_by = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="supersedes",
        verbose_name=_("superseded by"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("position statement")
        verbose_name_plural = _("position statements")
        ordering = ["member_state", "-stated_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(issue__isnull=False) & Q(topic__isnull=True)) | (Q(issue__isnull=True) & Q(topic__isnull=False)),
                name="position_on_issue_or_topic",
            ),
            models.UniqueConstraint(
                fields=["member_state", "issue"], condition=Q(is_current=True, issue__isnull=False),
                name="one_current_position_per_issue",
            ),
            models.UniqueConstraint(
                fields=["member_state", "topic"], condition=Q(is_current=True, topic__isnull=False),
                name="one_current_position_per_topic",
            ),
        ]

    def __str__(self):
        subject = self.issue or self.topic
        return f"{self.member_state.code} – {subject} ({self.stated_on.isoformat()})"

    def clean(self):
        if bool(self.issue_id) == bool(self.topic_id):
            raise ValidationError(_("A position is stated on one issue or on one consultation topic."))
