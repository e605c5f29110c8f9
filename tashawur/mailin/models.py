"""Every message that reaches a consultation address, stored raw before it is read."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    PENDING = "pending", _("Stored, not yet processed")
    ACCEPTED = "accepted", _("Accepted")
    REFUSED = "refused", _("Refused with a reply")
    IGNORED = "ignored", _("Ignored without reply")
    FAILED = "failed", _("Failed: will be retried")


class InboundMessage(models.Model):
    """The raw bytes of one message, kept for the secretariat whatever became of it.

    ``dedupe_key`` (the Message-ID, or the SHA-256 of the bytes when there is
    none) makes a redelivery harmless.
    """

    raw = models.BinaryField(_("raw message"))
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    message_id = models.CharField(_("Message-ID"), max_length=998, blank=True)
    dedupe_key = models.CharField(max_length=998, unique=True)
    via = models.CharField(_("received via"), max_length=10)  # pipe, smtp, imap, replay
    envelope_sender = models.CharField(_("envelope sender"), max_length=998, blank=True)
    envelope_recipients = models.JSONField(_("envelope recipients"), default=list, blank=True)
    received_at = models.DateTimeField(_("received at"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    reason = models.CharField(_("reason"), max_length=60, blank=True)
    detail = models.TextField(_("detail"), blank=True)
    sender = models.CharField(_("sender"), max_length=998, blank=True)
    subject = models.TextField(_("subject"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("incoming message")
        verbose_name_plural = _("incoming messages")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["outcome", "received_at"])]

    def __str__(self):
        return self.message_id or self.sha256[:12]


class ReplyKind(models.TextChoices):
    ACKNOWLEDGEMENT = "ack", _("Acknowledgement")
    REFUSAL = "refusal", _("Refusal")
    CONFIRMATION = "confirm", _("Confirmation request")


class OutboundMail(models.Model):
    """A message the platform sent about a response; at most one reply of a kind per incoming message."""

    inbound = models.ForeignKey(InboundMessage, on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    response = models.ForeignKey("responses.Response", on_delete=models.CASCADE, null=True, blank=True, related_name="mails")
    kind = models.CharField(_("kind"), max_length=10, choices=ReplyKind.choices)
    to = models.CharField(_("to"), max_length=998)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("body"))
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        constraints = [
            models.UniqueConstraint(fields=["inbound", "kind"], condition=Q(inbound__isnull=False), name="one_reply_per_message"),
            models.UniqueConstraint(fields=["response", "kind"], condition=Q(response__isnull=False), name="one_mail_of_a_kind_per_response"),
        ]


class ConsultationAlias(models.Model):
    """Another address that reaches a consultation (Res. 1336 rule 8: "an announced address").

    Every consultation answers at ``<slug>@MAIL_DOMAIN``; an alias adds, for
    example, the secretariat's existing address polled over IMAP.
    """

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="mail_aliases",
        verbose_name=_("consultation"),
    )
    address = models.EmailField(_("address"), max_length=254, unique=True, help_text=_("Stored in lower case."))

    class Meta:
        verbose_name = _("consultation e-mail alias")
        verbose_name_plural = _("consultation e-mail aliases")
        ordering = ["address"]

    def __str__(self):
        return self.address

    def save(self, *args, **kwargs):
        self.address = self.address.strip().lower()
        super().save(*args, **kwargs)


class MailboxCursor(models.Model):
    """How far IMAP polling has read a mailbox: the last UID processed, valid for one UIDVALIDITY.

    Messages are also flagged \\Seen, but the cursor does not rely on the flag:
    a secretariat member reading the mailbox must not hide a message from us.
    """

    mailbox = models.CharField(_("mailbox"), max_length=400, unique=True)  # user@host/folder
    uid_validity = models.BigIntegerField(_("UIDVALIDITY"), default=0)
    last_uid = models.BigIntegerField(_("last UID processed"), default=0)
    polled_at = models.DateTimeField(_("polled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("IMAP mailbox cursor")
        verbose_name_plural = _("IMAP mailbox cursors")

    def __str__(self):
        return self.mailbox
