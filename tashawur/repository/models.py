"""The repository of experiences and best practices on Internet public-policy issues (Res. 1336 rule 9).

Stakeholders contribute entries through a public form; the secretariat moderates
them as it moderates responses (received, published, rejected with a reason) and
adds its own. Every step is written to an append-only log of the same shape as
the responses' audit log, with the same actions and reasons.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tashawur.groups.models import WorkingGroup
from tashawur.policy.models import PolicyIssue
from tashawur.responses.models import ModerationAction, RejectionReason, Response, StakeholderGroup


class EntryStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class EntrySource(models.TextChoices):
    STAKEHOLDER = "stakeholder", _("Contributed by a stakeholder")
    SECRETARIAT = "secretariat", _("Added by the secretariat")


class RepositoryEntry(models.Model):
    """An experience or best practice, in any language, about one country or region or none."""

    group = models.ForeignKey(
        WorkingGroup, on_delete=models.PROTECT, related_name="repository_entries",
        verbose_name=_("working group"), help_text=_("The group whose secretariat keeps the entry."),
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"))
    language = models.CharField(_("language"), max_length=8, blank=True, help_text=_("ISO 639-1, detected if not given"))
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2 code"))
    region = models.CharField(
        _("region"), max_length=3, blank=True, help_text=_("UN M49 region or sub-region, for a regional experience"),
    )
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True,
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The year of the experience."),
    )
    issues = models.ManyToManyField(PolicyIssue, related_name="repository_entries", verbose_name=_("issues"))
    response = models.ForeignKey(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="repository_entries",
        verbose_name=_("from the response"), help_text=_("The consultation response this entry came from, if any."),
    )
    source = models.CharField(_("source"), max_length=12, choices=EntrySource.choices)
    status = models.CharField(_("status"), max_length=10, choices=EntryStatus.choices, default=EntryStatus.RECEIVED)
    rejection_reason = models.CharField(_("rejection reason"), max_length=12, choices=RejectionReason.choices, blank=True)
    contributor_name = models.CharField(_("contributor's name"), max_length=200, blank=True)
    contributor_email = models.EmailField(
        _("contributor's e-mail"), max_length=254, blank=True, help_text=_("Never published."),
    )
    received_at = models.DateTimeField(_("received at"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("repository entry")
        verbose_name_plural = _("repository entries")
        ordering = ["-year", "-published_at", "pk"]
        indexes = [models.Index(fields=["status", "year"]), models.Index(fields=["status", "published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=EntryStatus.REJECTED) | ~Q(rejection_reason=""), name="rejected_entry_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=EntryStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="published_entry_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        from tashawur.policy.regions import is_region

        if self.region and not is_region(self.region):
            raise ValidationError({"region": _("%(code)s is not a UN M49 region.") % {"code": self.region}})


class EntryLink(models.Model):
    entry = models.ForeignKey(RepositoryEntry, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=500)
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["entry", "pk"]

    def __str__(self):
        return self.label or self.url


class EntryFile(models.Model):
    """A file of an entry, typed by its content (as response attachments are) and stored by hash."""

    entry = models.ForeignKey(RepositoryEntry, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(max_length=200)
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100, help_text=_("Detected from the content."))
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    extracted_text = models.TextField(_("extracted text"), blank=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["entry", "pk"]

    def __str__(self):
        return self.filename


class EntryEvent(models.Model):
    """Who did what to an entry, when and why. Append-only: a saved event is never changed."""

    entry = models.ForeignKey(RepositoryEntry, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    action = models.CharField(_("action"), max_length=12, choices=ModerationAction.choices)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["entry", "at", "pk"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("audit events are append-only")
        super().save(*args, **kwargs)
