"""Contact lists, announcements of consultations, and one delivery row per message sent.

Seed 001: the Secretary-General invited about 150 international organisations and
3,500 civil-society and private-sector organisations. The secretariat imports such
lists from CSV and announces a consultation to them; stakeholders who subscribed in
their account get notices through the same machinery. A delivery row exists once per
announcement and address (a database constraint): no address gets an announcement twice.
"""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tashawur.core.fields import TranslatedTextField
from tashawur.core.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES
from tashawur.responses.models import StakeholderGroup

LANGUAGE_CHOICES = [(code, LANGUAGE_NAMES[code]) for code in CONTENT_LANGUAGES]
MAX_RATE_PER_MINUTE = 6000


def new_token() -> str:
    """The secret of a delivery: its unsubscribe link and its bounce address (lower-case hex, safe in a local part)."""
    return secrets.token_hex(16)


def new_message_id() -> str:
    """One Message-ID per delivery, kept if the message is ever sent again, so receivers can tell."""
    return f"<{uuid.uuid4().hex}@{settings.MAIL_DOMAIN}>"


class ContactList(models.Model):
    """A list of organisations and people the secretariat of a group invites to its consultations."""

    group = models.ForeignKey(
        "groups.WorkingGroup", on_delete=models.PROTECT, related_name="contact_lists", verbose_name=_("working group"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact list")
        verbose_name_plural = _("contact lists")
        ordering = ["group", "name"]
        constraints = [models.UniqueConstraint(fields=["group", "name"], name="contact_list_name_unique_in_group")]

    def __str__(self):
        return self.name


class Contact(models.Model):
    contact_list = models.ForeignKey(ContactList, on_delete=models.CASCADE, related_name="contacts",
                                     verbose_name=_("contact list"))
    email = models.EmailField(_("e-mail"), max_length=254, help_text=_("Stored in lower case."))
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="en")
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2 code"))
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["contact_list", "email"]
        constraints = [
            models.UniqueConstraint(fields=["contact_list", "email"], name="contact_once_per_list"),
            models.CheckConstraint(condition=Q(language__in=CONTENT_LANGUAGES), name="contact_language_un"),
        ]
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return self.email


class ImportState(models.TextChoices):
    STORED = "stored", _("Stored, not yet read")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Not imported")


class ContactImport(models.Model):
    """One uploaded CSV file: its bytes are stored before they are read, then the outcome."""

    contact_list = models.ForeignKey(ContactList, on_delete=models.CASCADE, related_name="imports",
                                     verbose_name=_("contact list"))
    filename = models.CharField(_("file name"), max_length=255)
    raw = models.BinaryField(_("file as uploaded"))
    size = models.PositiveIntegerField(_("size in bytes"))
    requested_encoding = models.CharField(_("encoding asked for"), max_length=20, blank=True)
    encoding = models.CharField(_("encoding read"), max_length=40, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    state = models.CharField(_("state"), max_length=10, choices=ImportState.choices, default=ImportState.STORED)
    error = models.TextField(_("why the file was not imported"), blank=True)
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    created_count = models.PositiveIntegerField(_("contacts added"), default=0)
    updated_count = models.PositiveIntegerField(_("contacts updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("contacts unchanged"), default=0)
    rejected_count = models.PositiveIntegerField(_("rows rejected"), default=0)
    ignored_columns = models.JSONField(_("columns ignored"), default=list, blank=True)

    class Meta:
        verbose_name = _("contact import")
        verbose_name_plural = _("contact imports")
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return f"{self.contact_list} – {self.filename}"


class RejectionReason(models.TextChoices):
    MISSING_EMAIL = "missing_email", _("No e-mail address")
    INVALID_EMAIL = "invalid_email", _("Invalid e-mail address")
    DUPLICATE_IN_FILE = "duplicate", _("Duplicate in the file")
    UNSUBSCRIBED = "unsubscribed", _("Previously unsubscribed")
    BOUNCED = "bounced", _("Mail to this address bounced")
    UNKNOWN_LANGUAGE = "language", _("Unknown language")
    UNKNOWN_COUNTRY = "country", _("Unknown country")
    UNKNOWN_STAKEHOLDER_GROUP = "stakeholder", _("Unknown stakeholder group")
    TOO_LONG = "too_long", _("A value is too long")


class RejectedRow(models.Model):
    """A row of an imported file that was not imported, with the reason, for the secretariat to fix."""

    contact_import = models.ForeignKey(ContactImport, on_delete=models.CASCADE, related_name="rejected_rows")
    row_number = models.PositiveIntegerField(_("row"), help_text=_("As a spreadsheet numbers it: the header is row 1."))
    email = models.CharField(_("e-mail as given"), max_length=998, blank=True)
    reason = models.CharField(_("reason"), max_length=20, choices=RejectionReason.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    values = models.JSONField(_("row as given"), default=dict)

    class Meta:
        verbose_name = _("rejected row")
        verbose_name_plural = _("rejected rows")
        ordering = ["contact_import", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["contact_import", "row_number"], name="rejected_row_once"),
        ]


class AnnouncementKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation to a contact list")
    NEW_CONSULTATION = "new_consultation", _("New consultation, to subscribers")
    DEADLINE_REMINDER = "deadline_reminder", _("Deadline reminder, to subscribers")
    REPORT_PUBLISHED = "report_published", _("Compiled report published, to subscribers")


class AnnouncementState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    PAUSED = "paused", _("Paused")
    FINISHED = "finished", _("Finished")


class Announcement(models.Model):
    """A message about a consultation, sent to many addresses in each one's language at a set rate."""

    kind = models.CharField(_("kind"), max_length=20, choices=AnnouncementKind.choices,
                            default=AnnouncementKind.INVITATION)
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.PROTECT, related_name="announcements",
        verbose_name=_("consultation"),
    )
    contact_list = models.ForeignKey(
        ContactList, on_delete=models.PROTECT, null=True, blank=True, related_name="announcements",
        verbose_name=_("contact list"),
    )
    subject = TranslatedTextField(
        _("subject"), max_length=200, blank=True,
        help_text=_("Leave empty to use the standard subject in each language."),
    )
    introduction = TranslatedTextField(
        _("introduction"), multiline=True, max_length=10000, blank=True,
        help_text=_("Your own text, placed before the consultation's title, questions, deadline and addresses."),
    )
    rate_per_minute = models.PositiveIntegerField(
        _("messages per minute"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_RATE_PER_MINUTE)],
        help_text=_("Leave empty for the site's setting."),
    )
    state = models.CharField(_("state"), max_length=10, choices=AnnouncementState.choices,
                             default=AnnouncementState.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    next_send_at = models.DateTimeField(_("next message due at"), null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(_("last sending activity"), null=True, blank=True, editable=False)
    task_id = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="invitation") & Q(contact_list__isnull=False))
                | (~Q(kind="invitation") & Q(contact_list__isnull=True)),
                name="invitation_has_contact_list",
            ),
            models.UniqueConstraint(
                fields=["kind", "consultation"], condition=~Q(kind="invitation"), name="one_notice_per_consultation",
            ),
            models.CheckConstraint(
                condition=Q(rate_per_minute__isnull=True)
                | Q(rate_per_minute__gte=1, rate_per_minute__lte=MAX_RATE_PER_MINUTE),
                name="announcement_rate_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.consultation}"

    @property
    def effective_rate(self) -> int:
        return self.rate_per_minute or settings.ANNOUNCEMENT_RATE_PER_MINUTE


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    UNCERTAIN = "uncertain", _("Interrupted while sending: perhaps sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not sent")


class SkipReason(models.TextChoices):
    UNSUBSCRIBED = "unsubscribed", _("The address unsubscribed")
    BOUNCED = "bounced", _("Mail to the address bounced")
    NOT_RESENT = "not_resent", _("Interrupted while sending; the secretariat chose not to send it again")
    SUBSCRIPTION_ENDED = "subscription_ended", _("The subscription ended")


class Delivery(models.Model):
    """One announcement to one address. Claimed (pending → sending) by a conditional UPDATE before
    the message leaves, marked sent after; see ``sending`` for what a crash in between means."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="deliveries")
    address = models.EmailField(_("address"), max_length=254)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="en")
    contact = models.ForeignKey(Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="deliveries")
    subscription = models.ForeignKey(
        "accounts.Subscription", on_delete=models.SET_NULL, null=True, blank=True, related_name="deliveries",
    )
    status = models.CharField(_("status"), max_length=10, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    skip_reason = models.CharField(_("why not sent"), max_length=20, choices=SkipReason.choices, blank=True)
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    message_id = models.CharField(_("Message-ID"), max_length=255, default=new_message_id, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    retry_at = models.DateTimeField(_("next attempt at"), null=True, blank=True,
                                    help_text=_("After a temporary failure (e.g. greylisting)."))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["announcement", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["announcement", "address"], name="one_delivery_per_address"),
            models.CheckConstraint(
                condition=~Q(status="skipped") | ~Q(skip_reason=""), name="skipped_delivery_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["announcement", "status"]), models.Index(fields=["address"])]

    def __str__(self):
        return f"{self.announcement_id} → {self.address}"


class UnsubscribeSource(models.TextChoices):
    ONE_CLICK = "one_click", _("One-click unsubscribe from the mail program")
    WEB = "web", _("Unsubscribe page")
    MAIL = "mail", _("Mail to the unsubscribe address")
    SECRETARIAT = "secretariat", _("Entered by the secretariat")
    ERASURE = "erasure", _("Deletion of personal data")


class Unsubscribe(models.Model):
    """An address that asked to receive no more invitations; imports reject it and sending skips it."""

    address = models.EmailField(_("address"), max_length=254, unique=True)
    source = models.CharField(_("how"), max_length=12, choices=UnsubscribeSource.choices)
    delivery = models.ForeignKey(Delivery, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("unsubscribed address")
        verbose_name_plural = _("unsubscribed addresses")
        ordering = ["-at"]

    def __str__(self):
        return self.address


class Bounce(models.Model):
    """A delivery failure reported for an address; a permanent one stops all mail to it."""

    address = models.EmailField(_("address"), max_length=254, db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    permanent = models.BooleanField(_("permanent (hard bounce)"), default=True)
    delivery = models.ForeignKey(Delivery, on_delete=models.SET_NULL, null=True, blank=True, related_name="bounces")
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return self.address
