"""What a stakeholder does with their account, and the notices sent to subscribers.

Issue 7 §2: my responses with their status, subscriptions by e-mail (a new
consultation in a group, deadline reminders, a report published), one-click
unsubscribe, a download and a deletion of my personal data. Notices go through
the announcements' delivery rows: once per subscriber per consultation and kind.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy

from tashawur.accounts.errors import EmailNotConfirmed, InvalidConfirmationLink, StaffAccount
from tashawur.accounts.models import Account, Subscription, SubscriptionKind
from tashawur.accounts.tokens import email_confirmation_token
from tashawur.announcements import services as announcements
from tashawur.consultations.models import Consultation
from tashawur.consultations.selectors import consultation_schedule
from tashawur.core.languages import CONTENT_LANGUAGES, django_language
from tashawur.responses.models import AuditEvent, ModerationAction, Publication, Response
from tashawur.rules import accepts_responses, local_date

logger = logging.getLogger(__name__)
AbsoluteUrl = Callable[[str], str]
NOTICE_WINDOW = timedelta(days=7)  # a consultation opened or a report published longer ago is not news
ERASURE_REASON = "personal data erased at the respondent's request"
CONFIRM_SUBJECT = gettext_lazy("Confirm your e-mail address for Tashawur")
ALREADY_REGISTERED_SUBJECT = gettext_lazy("You already have a Tashawur account")


# --- the account ------------------------------------------------------------------------------

def sign_up(*, email: str, password: str, name: str = "", language: str = "en", absolute_url: AbsoluteUrl) -> None:
    """Open an account and mail the link that confirms the address.

    The answer is the same whether or not the address already has an account,
    so the form does not tell strangers who is registered: the owner of a known
    address receives a note saying so instead of a second account.
    """
    email = email.strip().lower()
    language = language if language in CONTENT_LANGUAGES else "en"
    User = get_user_model()
    with transaction.atomic(durable=True):
        existing = User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).first()
        if existing is not None:
            known = Account.objects.filter(user=existing).values_list("language", flat=True).first()
            # At most one such note an hour: the form must not become a way to flood someone's mailbox.
            if cache.add(f"accounts:already-registered:{email}", True, timeout=3600):
                transaction.on_commit(partial(_mail_already_registered, email, known or language, absolute_url))
            logger.info("signup_for_known_address user_id=%s", existing.pk)
            return
        user = User(username=email, email=email, first_name=name.strip()[:150])
        user.set_password(password)
        user.full_clean()
        user.save()
        Account.objects.create(user=user, language=language)
        transaction.on_commit(partial(_mail_confirmation, user.pk, absolute_url))
    logger.info("account_created user_id=%s", user.pk)


def ensure_account(*, user) -> Account:
    """Every signed-in person has an account row (staff made in the admin get theirs on first visit)."""
    account, _created = Account.objects.get_or_create(user=user)
    return account


def send_confirmation(*, user, absolute_url: AbsoluteUrl) -> None:
    """Mail the confirmation link again, for an account whose address is not yet confirmed."""
    transaction.on_commit(partial(_mail_confirmation, user.pk, absolute_url))


def confirm_email(*, user, token: str, now: datetime | None = None) -> Account:
    """The owner of the address followed the link: responses sent from it are now shown in the account."""
    if user is None or not email_confirmation_token.check_token(user, token):
        raise InvalidConfirmationLink()
    with transaction.atomic(durable=True):
        Account.objects.get_or_create(user=user)
        account = Account.objects.select_for_update().get(user=user)
        if account.email_confirmed_at is None:
            account.email_confirmed_at = now or timezone.now()
            account.save(update_fields=["email_confirmed_at"])
    logger.info("email_confirmed user_id=%s", user.pk)
    return account


def set_language(*, user, language: str) -> Account:
    account = ensure_account(user=user)
    if language in CONTENT_LANGUAGES and account.language != language:
        account.language = language
        account.save(update_fields=["language"])
    return account


def _send(to: str, language: str, subject, template: str, context: dict) -> None:
    with translation.override(django_language(language)):
        message = EmailMessage(
            subject=str(subject), body=render_to_string(template, context), to=[to],
            headers={"Auto-Submitted": "auto-generated", "Content-Language": language},
        )
    message.send()


def _mail_confirmation(user_id: int, absolute_url: AbsoluteUrl) -> None:
    user = get_user_model().objects.select_related("stakeholder_account").get(pk=user_id)
    account = getattr(user, "stakeholder_account", None)
    link = absolute_url(reverse("accounts:confirm", args=[
        urlsafe_base64_encode(force_bytes(user.pk)), email_confirmation_token.make_token(user),
    ]))
    _send(user.email, account.language if account else "en", CONFIRM_SUBJECT, "accounts/mail/confirm.txt", {"link": link})


def _mail_already_registered(email: str, language: str, absolute_url: AbsoluteUrl) -> None:
    _send(email, language, ALREADY_REGISTERED_SUBJECT, "accounts/mail/already_registered.txt",
          {"login_url": absolute_url(reverse("accounts:login")),
           "reset_url": absolute_url(reverse("accounts:password_reset"))})


# --- subscriptions ------------------------------------------------------------------------------

def set_subscriptions(*, user, wanted: set[tuple[int, str]]) -> None:
    """Subscribe to exactly the (group id, notice) pairs ticked in the form; the others end."""
    account = ensure_account(user=user)
    if not account.confirmed_email:
        raise EmailNotConfirmed()
    wanted = {(group_id, kind) for group_id, kind in wanted if kind in SubscriptionKind.values}
    with transaction.atomic(durable=True):
        current = {(s.group_id, s.kind): s.pk for s in Subscription.objects.select_for_update().filter(user=user)}
        Subscription.objects.filter(pk__in=[pk for key, pk in current.items() if key not in wanted]).delete()
        Subscription.objects.bulk_create(
            Subscription(user=user, group_id=group_id, kind=kind) for group_id, kind in wanted - set(current)
        )
    logger.info("subscriptions_set user_id=%s count=%s", user.pk, len(wanted))


def end_subscription(*, subscription_id: int) -> None:
    """One-click unsubscribe from a notice: that subscription ends (repeating it changes nothing)."""
    Subscription.objects.filter(pk=subscription_id).delete()


def end_all_subscriptions(*, user) -> int:
    count, _details = Subscription.objects.filter(user=user).delete()
    return count


# --- personal data ------------------------------------------------------------------------------

def anonymise_responses(*, user) -> int:
    """Remove the author's name and address from the responses sent from the account's confirmed address.

    The inputs stay (Res. 1336 rule 8: every input goes to the group); a response
    published with the author's name is from now on published anonymously. Each
    change is logged on the response as an edit by the respondent, without the
    erased values.
    """
    email = ensure_account(user=user).confirmed_email
    if not email:
        raise EmailNotConfirmed()
    changed = 0
    with transaction.atomic():
        changed = _anonymise(user, email)
    logger.info("responses_anonymised user_id=%s count=%s", user.pk, changed)
    return changed


def _anonymise(user, email: str) -> int:
    changed = 0
    for response in Response.objects.select_for_update().filter(author_email=email):
        fields = ["author_name", "author_email"]
        response.author_name, response.author_email = "", ""
        if response.publication == Publication.NAMED:
            response.publication = Publication.ANONYMOUS
            fields.append("publication")
        response.save(update_fields=fields)
        AuditEvent.objects.create(
            response=response, actor=user, action=ModerationAction.EDITED, reason=ERASURE_REASON,
            details={"erased": ["author_name", "author_email"], "publication": response.publication,
                     "by": "respondent"},
        )
        changed += 1
    return changed


def delete_personal_data(*, user, anonymise: bool) -> int:
    """Delete the account and its subscriptions; on request, anonymise the responses sent from its address.

    A confirmed address also leaves the secretariat's contact lists and stays on
    the do-not-mail list, so an old spreadsheet cannot bring it back. Returns the
    number of responses anonymised.
    """
    if user.is_staff or user.is_superuser:
        raise StaffAccount()
    with transaction.atomic(durable=True):
        account = ensure_account(user=user)
        email = account.confirmed_email
        changed = anonymise_responses(user=user) if anonymise and email else 0
        if email:
            announcements.forget_address(address=email)
        user_id = user.pk
        user.delete()
    logger.info("account_deleted user_id=%s responses_anonymised=%s", user_id, changed)
    return changed


# --- notices to subscribers -----------------------------------------------------------------------

def _recipients(consultation: Consultation, kind: str) -> list[tuple[str, str, int]]:
    rows = Subscription.objects.filter(
        group=consultation.group_id, kind=kind, user__is_active=True,
        user__stakeholder_account__email_confirmed_at__isnull=False,
    ).exclude(user__email="").values_list("user__email", "user__stakeholder_account__language", "pk")
    return [(email.lower(), language, pk) for email, language, pk in rows]


def _notify(consultation: Consultation, kind: str):
    recipients = _recipients(consultation, kind)
    if not recipients:
        return None
    return announcements.queue_notice(kind=kind, consultation=consultation, recipients=recipients)


def notify_subscribers(*, now: datetime | None = None) -> list:
    """Mail the subscribers of a group when one of its consultations opens or its compiled report is published.

    Recent events only (NOTICE_WINDOW): a subscriber is not told about last
    year's consultation. Running it again sends nothing twice.
    """
    now = now or timezone.now()
    recent = (now - NOTICE_WINDOW - timedelta(days=1)).date()
    notices = []
    consultations = Consultation.objects.select_related("group", "chosen_at", "feeds_meeting", "physical_meeting")
    for consultation in consultations.filter(Q(opens_on__gte=recent) | Q(report_published_on__gte=recent)):
        today = local_date(now, consultation.group.zone)
        opens_on = consultation.opens_on
        if opens_on and today - NOTICE_WINDOW <= opens_on <= today and accepts_responses(
            consultation_schedule(consultation), now=now, tz=consultation.group.zone,
        ):
            notices.append(_notify(consultation, SubscriptionKind.NEW_CONSULTATION))
        published = consultation.report_published_on
        if published and today - NOTICE_WINDOW <= published <= today:
            notices.append(_notify(consultation, SubscriptionKind.REPORT_PUBLISHED))
    return [notice for notice in notices if notice is not None]


def send_deadline_reminders(*, now: datetime | None = None, days: int | None = None) -> list:
    """Remind subscribers ``days`` days before a response deadline (Res. 1336 rule 4), once per consultation.

    From that day until the deadline itself, in the group's time zone, so a day
    the command did not run is caught up; the delivery rows keep it to once.
    """
    now = now or timezone.now()
    days = settings.DEADLINE_REMINDER_DAYS if days is None else days
    start = (now - timedelta(days=1)).date()
    notices = []
    consultations = Consultation.objects.select_related("group", "chosen_at", "feeds_meeting", "physical_meeting")
    for consultation in consultations.filter(response_deadline__gte=start,
                                             response_deadline__lte=start + timedelta(days=days + 2)):
        today = local_date(now, consultation.group.zone)
        if not 0 <= (consultation.response_deadline - today).days <= days:
            continue
        if accepts_responses(consultation_schedule(consultation), now=now, tz=consultation.group.zone):
            notices.append(_notify(consultation, SubscriptionKind.DEADLINE_REMINDER))
    return [notice for notice in notices if notice is not None]
