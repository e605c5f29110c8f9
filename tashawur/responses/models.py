"""Responses to a consultation, from every channel, with their answers, files and audit log.

Nothing here is ever deleted by moderation: a rejected or withdrawn response
stays, with the reason, for the secretariat (Res. 1336 rule 8).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from tashawur.consultations.models import Consultation
from tashawur.cycles.models import Question
from tashawur.meetings.models import Meeting


class StakeholderGroup(models.TextChoices):
    """The stakeholder groups of the contributions table in seed 001."""

    GOVERNMENT = "government", _("Government")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    ACADEMIC_TECHNICAL = "academic_technical", _("Academic and technical community")
    INTERNATIONAL_ORGANIZATION = "international_organization", _("International organization")
    INDIVIDUAL = "individual", _("Individual")


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    EMAIL = "email", _("E-mail")
    ORAL = "oral", _("Oral statement at a meeting")
    API = "api", pgettext_lazy("channel", "API")


class Publication(models.TextChoices):
    NAMED = "named", _("Publish with my name")
    ANONYMOUS = "anonymous", _("Publish anonymously")
    GROUP_ONLY = "group_only", _("Do not publish: for the group only")


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Awaiting e-mail confirmation")
    RECEIVED = "received", _("Received")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RejectionReason(models.TextChoices):
    SPAM = "spam", _("Spam")
    ABUSIVE = "abusive", _("Abusive")
    OFF_TOPIC = "off_topic", _("Off-topic")
    DUPLICATE = "duplicate", _("Duplicate")


class Response(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="responses")
    receipt_number = models.CharField(_("receipt number"), max_length=20, unique=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    publication = models.CharField(
        _("publication"), max_length=12, choices=Publication.choices, default=Publication.NAMED
    )
    author_name = models.CharField(_("name"), max_length=200, blank=True)
    author_email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2 code"))
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True
    )
    language = models.CharField(_("language"), max_length=8, blank=True, help_text=_("Detected, ISO 639-1"))
    body = models.TextField(_("text"), blank=True, help_text=_("The e-mail body, or an oral statement."))
    redacted_body = models.TextField(
        _("redacted text"), null=True, blank=True,
        help_text=_("Published instead of the text when set; the original is kept."),
    )
    received_at = models.DateTimeField(_("received at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    rejection_reason = models.CharField(
        _("rejection reason"), max_length=12, choices=RejectionReason.choices, blank=True
    )
    idempotency_key = models.CharField(max_length=300, null=True, blank=True, unique=True, editable=False)
    access_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    inbound_message = models.ForeignKey(
        "mailin.InboundMessage", on_delete=models.PROTECT, null=True, blank=True, related_name="responses"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="oral_statements",
        help_text=_("For an oral statement: the meeting where it was made."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["consultation", "received_at", "pk"]
        indexes = [
            models.Index(fields=["consultation", "status", "received_at"]),
            models.Index(fields=["author_email"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=Status.REJECTED) | ~Q(rejection_reason=""),
                name="rejected_response_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(channel=Channel.ORAL) | Q(meeting__isnull=False), name="oral_statement_has_meeting",
            ),
        ]

    def __str__(self):
        return self.receipt_number

    @property
    def public_body(self) -> str:
        return self.body if self.redacted_body is None else self.redacted_body

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and self.publication != Publication.GROUP_ONLY


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField(_("answer"), help_text=_("Plain text, or the text of the sanitised HTML."))
    html = models.TextField(_("formatted answer"), blank=True, help_text=_("Sanitised HTML, when given."))
    redacted_text = models.TextField(_("redacted answer"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question__position"]
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")]

    def __str__(self):
        return _("Answer to question %(number)s") % {"number": self.question.position}

    @property
    def public_text(self) -> str:
        return self.text if self.redacted_text is None else self.redacted_text


def attachment_path(instance, filename):
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100, help_text=_("Detected from the content."))
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    extracted_text = models.TextField(_("extracted text"), blank=True)
    withheld = models.BooleanField(
        _("withheld from publication"), default=False, help_text=_("e.g. it holds personal data"),
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["response", "pk"]

    def __str__(self):
        return self.filename


class ModerationAction(models.TextChoices):
    RECEIVED = "received", _("Received")
    CONFIRMED = "confirmed", _("Confirmed by the respondent")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    REDACTED = "redacted", _("Redacted")
    WITHDRAWN = "withdrawn", _("Withdrawn by the respondent")
    RESTORED = "restored", _("Returned to the queue")
    EDITED = "edited", _("Details edited")


class AuditEvent(models.Model):
    """Who did what to a response, when and why. Append-only."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    action = models.CharField(_("action"), max_length=12, choices=ModerationAction.choices)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["response", "at", "pk"]

    def __str__(self):
        return str(self.get_action_display())
