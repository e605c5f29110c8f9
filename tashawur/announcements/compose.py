"""The message one recipient receives: in their language, with the headers list mail must carry.

Every message offers one-click unsubscribe (RFC 8058: ``List-Unsubscribe`` with an
HTTPS link and a mailto:, and ``List-Unsubscribe-Post``), says it is automatic
(RFC 3834 ``Auto-Submitted: auto-generated``) and uses ``bounces+<token>@MAIL_DOMAIN``
as its envelope sender, so that a bounce names the delivery it belongs to (VERP).
"""

from dataclasses import dataclass
from datetime import timezone as dt_timezone

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tashawur.announcements.models import Announcement, AnnouncementKind, Delivery
from tashawur.core.languages import CONTENT_LANGUAGES, FALLBACK_ORDER, django_language, localized
from tashawur.rules import closes_at


@dataclass(frozen=True)
class Composed:
    language: str
    subject: str
    body: str


def message_language(announcement: Announcement, wanted: str) -> str:
    """The recipient's language when the announcement has text in it; English otherwise (issue 7 §5).

    An announcement without texts of its own is written entirely by the
    translated templates, so it speaks all six languages.
    """
    wanted = wanted if wanted in CONTENT_LANGUAGES else "en"
    own = {code for texts in (announcement.subject, announcement.introduction) for code, text in texts.items() if text}
    if not own or wanted in own:
        return wanted
    return next(code for code in FALLBACK_ORDER if code in own)


def absolute(path: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}{path}"


def unsubscribe_url(token: str) -> str:
    return absolute(reverse("announcements:unsubscribe", args=[token]))


def consultation_context(consultation, language: str) -> dict:
    """What every message says about the consultation, in the active language."""
    group = consultation.group
    deadline = consultation.response_deadline
    context = {
        "title": consultation.display_title(language),
        "group_name": group.display_name(language),
        "questions": [(question.position, localized(question.text, language))
                      for question in consultation.topic.questions.all()],
        "response_address": f"{consultation.slug}@{settings.MAIL_DOMAIN}",
        "consultation_url": absolute(reverse("consultation-detail", args=[consultation.slug])),
        "respond_url": absolute(reverse("response-submit", args=[consultation.slug])),
        "report_url": absolute(reverse("documents:current-report", args=[consultation.slug])),
        "deadline": "",
    }
    if deadline:
        context.update(
            deadline=formats.date_format(deadline, "DATE_FORMAT"),
            zone=group.time_zone,
            closes_utc=closes_at(deadline, group.zone).astimezone(dt_timezone.utc).strftime("%Y-%m-%d %H:%M"),
        )
    return context


_SUBJECTS = {
    AnnouncementKind.INVITATION: lambda c: _("Open consultation: %(title)s") % c,
    AnnouncementKind.NEW_CONSULTATION: lambda c: _("New consultation of the %(group_name)s: %(title)s") % c,
    AnnouncementKind.DEADLINE_REMINDER: lambda c: _("Reminder: responses to “%(title)s” are due by %(deadline)s") % c,
    AnnouncementKind.REPORT_PUBLISHED: lambda c: _("Compiled report published: %(title)s") % c,
}


def compose(announcement: Announcement, delivery: Delivery) -> Composed:
    language = message_language(announcement, delivery.language)
    with translation.override(django_language(language)):
        context = consultation_context(announcement.consultation, language)
        context.update(
            introduction=announcement.introduction.get(language, "").strip(),
            unsubscribe_url=unsubscribe_url(delivery.token),
            account_url=absolute(reverse("accounts:subscriptions")),
        )
        subject = announcement.subject.get(language, "").strip() or _SUBJECTS[announcement.kind](context)
        body = render_to_string(f"announcements/mail/{announcement.kind}.txt", context)
    return Composed(language=language, subject=" ".join(subject.split()), body=body)


def list_headers(announcement: Announcement, delivery: Delivery, language: str) -> dict[str, str]:
    group = announcement.consultation.group
    list_id = f"{slugify(group.code)}.{announcement.kind.replace('_', '-')}.{settings.MAIL_DOMAIN}"
    return {
        "From": settings.DEFAULT_FROM_EMAIL,
        "Message-ID": delivery.message_id,
        "List-Id": f"{group.code} <{list_id}>",
        "List-Unsubscribe": (
            f"<{unsubscribe_url(delivery.token)}>, "
            f"<mailto:unsubscribe+{delivery.token}@{settings.MAIL_DOMAIN}?subject=unsubscribe>"
        ),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
        "Precedence": "bulk",
        "X-Auto-Response-Suppress": "OOF, AutoReply",
        "Content-Language": language,
    }


def email_message(announcement: Announcement, delivery: Delivery, connection=None) -> EmailMessage:
    composed = compose(announcement, delivery)
    return EmailMessage(
        subject=composed.subject, body=composed.body, to=[delivery.address], connection=connection,
        from_email=f"bounces+{delivery.token}@{settings.MAIL_DOMAIN}",
        headers=list_headers(announcement, delivery, composed.language),
    )
