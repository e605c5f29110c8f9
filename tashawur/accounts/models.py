"""A stakeholder's optional account: a confirmed e-mail address, a language, and subscriptions.

Responding needs no account. An account shows the responses sent from its confirmed
address, and mails notices about the groups it follows (issue 7, section 2).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tashawur.core.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES

LANGUAGE_CHOICES = [(code, LANGUAGE_NAMES[code]) for code in CONTENT_LANGUAGES]


class Account(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stakeholder_account")
    language = models.CharField(
        _("language of the messages"), max_length=2, choices=LANGUAGE_CHOICES, default="en",
    )
    email_confirmed_at = models.DateTimeField(_("e-mail address confirmed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("stakeholder account")
        verbose_name_plural = _("stakeholder accounts")

    def __str__(self):
        return self.user.email or self.user.get_username()

    @property
    def confirmed_email(self) -> str:
        """The address the account owns, or "" until the owner proved it by the link mailed to it."""
        return self.user.email.lower() if self.email_confirmed_at and self.user.email else ""


class SubscriptionKind(models.TextChoices):
    NEW_CONSULTATION = "new_consultation", _("A new consultation opens")
    DEADLINE_REMINDER = "deadline_reminder", _("A response deadline is near")
    REPORT_PUBLISHED = "report_published", _("A compiled report is published")


class Subscription(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions")
    group = models.ForeignKey("groups.WorkingGroup", on_delete=models.CASCADE, related_name="subscriptions",
                              verbose_name=_("working group"))
    kind = models.CharField(_("notice"), max_length=20, choices=SubscriptionKind.choices)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["user", "group", "kind"]
        constraints = [models.UniqueConstraint(fields=["user", "group", "kind"], name="subscription_once")]

    def __str__(self):
        return f"{self.user} – {self.group} – {self.get_kind_display()}"
