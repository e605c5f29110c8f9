"""What a respondent does on the web: send the form, confirm their address, withdraw.

The rules live in ``services`` (one rule set for every channel); this module adds
what only the web needs: rate limits, the confirmation link and the mails around it.
Res. 1336 rule 8: a web response counts once its author's address is confirmed.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext as _, ngettext

from tashawur.core.errors import TashawurError
from tashawur.mailin.models import ReplyKind
from tashawur.responses.errors import ResponseError
from tashawur.responses.models import Response, Status
from tashawur.responses.notifications import queue_mail
from tashawur.responses.ratelimit import RateLimit
from tashawur.responses.services import Submission, SubmissionResult, check_open, confirm_response, submit_response

log = logging.getLogger(__name__)

AbsoluteUrl = Callable[[str], str]  # a path -> the address to put in a mail (request.build_absolute_uri)


class TooManyResponses(TashawurError):
    code = "too_many_responses"

    def __init__(self, message: str, *, retry_after: int):
        self.retry_after = retry_after  # seconds, for the Retry-After header
        super().__init__(message)


@dataclass(frozen=True)
class WebLimits:
    per_address: RateLimit
    per_ip: RateLimit

    @classmethod
    def from_settings(cls) -> "WebLimits":
        return cls(
            per_address=RateLimit("response-address", settings.RESPONSE_RATE_LIMIT_PER_ADDRESS),
            per_ip=RateLimit("response-ip", settings.RESPONSE_RATE_LIMIT_PER_IP),
        )


def submit_web_response(*, submission: Submission, client: str, absolute_url: AbsoluteUrl) -> SubmissionResult:
    """Store a web response, unconfirmed, and mail its author the link that confirms it.

    The same form sent twice (a double click, a reload) returns the first
    response and sends no second mail; only new responses count against the
    limits per e-mail address and per client.
    """
    key = submission.idempotency_key
    if key and (existing := Response.objects.filter(idempotency_key=key).first()):
        return SubmissionResult(existing, created=False, access_token=None)
    limits = WebLimits.from_settings()
    address = submission.author_email.strip().lower()
    _check_limit(limits.per_address, address, _scope_address_message)
    _check_limit(limits.per_ip, client, _scope_ip_message)
    with transaction.atomic(durable=True):
        result = submit_response(submission=submission)
        if result.created:
            _mail_confirmation_request(result.response, result.access_token, absolute_url)
    if result.created:
        limits.per_address.hit(address)
        limits.per_ip.hit(client)
        log.info("web response stored receipt=%s consultation=%s", result.response.receipt_number,
                 submission.consultation.slug)
    return result


def _check_limit(limit: RateLimit, identity: str, message: Callable[[int], str]) -> None:
    retry_after = limit.retry_after(identity)
    if retry_after is not None:
        log.warning("web response rate-limited scope=%s retry_after=%s", limit.scope, retry_after)
        raise TooManyResponses(message(_minutes(retry_after)), retry_after=retry_after)


def _minutes(seconds: int) -> int:
    return max(1, -(-seconds // 60))


def _scope_address_message(minutes: int) -> str:
    return ngettext(
        "Too many responses have been sent from this e-mail address in the past hour. "
        "Please try again in %(minutes)d minute; what you typed is kept below.",
        "Too many responses have been sent from this e-mail address in the past hour. "
        "Please try again in %(minutes)d minutes; what you typed is kept below.",
        minutes,
    ) % {"minutes": minutes}


def _scope_ip_message(minutes: int) -> str:
    return ngettext(
        "Too many responses have been sent from your network in the past hour. "
        "Please try again in %(minutes)d minute; what you typed is kept below.",
        "Too many responses have been sent from your network in the past hour. "
        "Please try again in %(minutes)d minutes; what you typed is kept below.",
        minutes,
    ) % {"minutes": minutes}


def confirm_web_response(*, response: Response, token: str, absolute_url: AbsoluteUrl) -> bool:
    """The author confirmed their address: the response counts, and they get its receipt number.

    Returns False when there was nothing to confirm (a second click changes nothing and mails nothing).
    """
    with transaction.atomic(durable=True):
        confirmed = confirm_response(response=response)
        if confirmed:
            response.refresh_from_db()
            _mail_acknowledgement(response, token, absolute_url)
    if confirmed:
        log.info("web response confirmed receipt=%s", response.receipt_number)
    return confirmed


def can_withdraw(response: Response, *, now: datetime | None = None) -> bool:
    """Whether the withdraw button is offered: the service decides for real when it is pressed."""
    if response.status in (Status.WITHDRAWN, Status.REJECTED):
        return False
    try:
        check_open(response.consultation, now or timezone.now())
    except ResponseError:
        return False
    return True


def deadline_context(consultation) -> dict:
    """The consultation's deadline as people read it, in the active language and the group's time zone."""
    deadline = consultation.response_deadline
    return {
        "deadline": formats.date_format(deadline, "DATE_FORMAT") if deadline else "",
        "zone": consultation.group.time_zone,
    }


# --- mails ----------------------------------------------------------------------------------

def _mail_context(response: Response, token: str, absolute_url: AbsoluteUrl) -> dict:
    return {
        "response": response,
        "title": response.consultation.display_title(get_language()),
        "receipt_number": response.receipt_number,
        "confirm_url": absolute_url(reverse("response-confirm", args=[response.receipt_number, token])),
        "own_url": absolute_url(reverse("response-own", args=[response.receipt_number, token])),
        "consultation_url": absolute_url(reverse("consultation-detail", args=[response.consultation.slug])),
        **deadline_context(response.consultation),
    }


def _mail_confirmation_request(response: Response, token: str, absolute_url: AbsoluteUrl) -> None:
    context = _mail_context(response, token, absolute_url)
    queue_mail(
        kind=ReplyKind.CONFIRMATION, to=response.author_email, response=response, language=get_language(),
        subject=_("Please confirm your response to “%(title)s”") % {"title": context["title"]},
        body=render_to_string("responses/submit/mail/confirmation.txt", context),
    )


def _mail_acknowledgement(response: Response, token: str, absolute_url: AbsoluteUrl) -> None:
    context = _mail_context(response, token, absolute_url)
    queue_mail(
        kind=ReplyKind.ACKNOWLEDGEMENT, to=response.author_email, response=response, language=get_language(),
        subject=_("Your response to “%(title)s” is received: %(receipt)s") % {
            "title": context["title"], "receipt": response.receipt_number,
        },
        body=render_to_string("responses/submit/mail/acknowledgement.txt", context),
    )
