"""Every API error as an RFC 9457 problem: ``application/problem+json`` with type, title, status, detail, instance.

Domain errors (``TashawurError``) keep their translated sentence as ``detail`` and
their stable code in ``type``; HTTP-level errors use ``about:blank`` with the
status's title, as the RFC advises. Unknown URLs and crashes under /api/ are
problems too (``page_not_found`` and ``server_error``, wired in the root URLconf).
"""

import logging
import math
from http import HTTPStatus

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy as _
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from tashawur.core.errors import NotAllowed, TashawurError
from tashawur.responses.attachments import AttachmentRefused
from tashawur.responses.errors import (
    EmptyResponse, InvalidResponse, InvalidTransition, SubmissionClosed, SubmissionNotOpen,
)

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
API_PREFIX = "/api/"

# code -> (HTTP status, title, what it means). Titles are the same for every occurrence of a type.
PROBLEM_TYPES = {
    "validation_error": (400, _("The request is not valid"), _(
        "A parameter or a field of the body is missing or wrong; ``errors`` names each one.")),
    "submission_closed": (409, _("The consultation is closed"), _(
        "The response deadline has passed (Res. 1336 rule 4), counted in the group's time zone.")),
    "submission_not_open": (409, _("The consultation is not open yet"), _(
        "Responses are accepted from the opening day of the consultation.")),
    "empty_response": (422, _("The response is empty"), _(
        "Answer at least one question, write a message or attach a file.")),
    "invalid_response": (422, _("The response cannot be accepted"), _(
        "A value of the response is not acceptable; ``detail`` says which.")),
    "attachment_refused": (422, _("The attachment was refused"), _(
        "Attachments must be PDF, DOCX, ODT or plain text, within the size limit.")),
    "invalid_transition": (409, _("This step does not apply"), _(
        "The moderation step does not apply to the response's current status.")),
    "not_allowed": (403, _("Not allowed"), _("The token's user may not do this in this working group.")),
}
_DOMAIN_CODES = {
    SubmissionClosed: "submission_closed",
    SubmissionNotOpen: "submission_not_open",
    EmptyResponse: "empty_response",
    InvalidResponse: "invalid_response",
    AttachmentRefused: "attachment_refused",
    InvalidTransition: "invalid_transition",
    NotAllowed: "not_allowed",
}
_TITLES = {
    400: _("Bad request"), 401: _("Authentication required"), 403: _("Forbidden"), 404: _("Not found"),
    405: _("Method not allowed"), 406: _("Not acceptable"), 409: _("Conflict"), 415: _("Unsupported media type"),
    422: _("Unprocessable content"), 429: _("Too many requests"), 500: _("Internal server error"),
}


def problem_type_uri(request, code: str | None) -> str:
    if not code:
        return "about:blank"
    path = reverse("api:problem-type", kwargs={"code": code})
    return request.build_absolute_uri(path) if request is not None else path


def problem(request, status_code: int, *, detail: str, code: str | None = None, **extensions) -> dict:
    if code in PROBLEM_TYPES:
        title = str(PROBLEM_TYPES[code][1])
    else:
        title = str(_TITLES.get(status_code) or HTTPStatus(status_code).phrase)
    body = {
        "type": problem_type_uri(request, code),
        "title": title,
        "status": status_code,
        "detail": str(detail),
        "instance": request.get_full_path() if request is not None else "",
    }
    body.update(extensions)
    return body


def _domain_code(exc: TashawurError) -> str:
    for kind, code in _DOMAIN_CODES.items():
        if isinstance(exc, kind):
            return code
    return "invalid_response"


def exception_handler(exc, context):
    """DRF's exception handler, reshaped into problem details."""
    request = context.get("request")
    if isinstance(exc, TashawurError):
        code = _domain_code(exc)
        status_code = PROBLEM_TYPES[code][0]
        body = problem(request, status_code, detail=exc.message, code=code)
        return Response(body, status=status_code, content_type=PROBLEM_JSON)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a crash: Django's handler500 answers (with a problem under /api/)
    extensions = {}
    code = None
    if isinstance(exc, exceptions.ValidationError):
        code = "validation_error"
        detail = gettext("Some values in the request are not valid.")
        extensions["errors"] = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    elif isinstance(exc, (Http404, exceptions.NotFound)):
        detail = gettext("There is nothing at this address, or it is not public.")
    elif isinstance(exc, (PermissionDenied,)):
        detail = gettext("You are not allowed to do this.")
    else:
        detail = exc.detail if isinstance(getattr(exc, "detail", None), str) else str(getattr(exc, "detail", exc))
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        response["Retry-After"] = str(max(1, math.ceil(exc.wait)))
    response.data = problem(request, response.status_code, detail=detail, code=code, **extensions)
    response.content_type = PROBLEM_JSON
    return response


def _problem_response(request, status_code: int, detail: str) -> JsonResponse:
    body = problem(request, status_code, detail=detail)
    return JsonResponse(body, status=status_code, content_type=PROBLEM_JSON, json_dumps_params={"ensure_ascii": False})


def page_not_found(request, exception):
    if request.path.startswith(API_PREFIX):
        return _problem_response(request, status.HTTP_404_NOT_FOUND,
                                 gettext("There is nothing at this address, or it is not public."))
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith(API_PREFIX):
        return _problem_response(request, status.HTTP_500_INTERNAL_SERVER_ERROR,
                                 gettext("The server failed to answer; the error was logged."))
    return defaults.server_error(request)


def bad_request(request, exception):
    if request.path.startswith(API_PREFIX):
        return _problem_response(request, status.HTTP_400_BAD_REQUEST, gettext("The request is not valid."))
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if request.path.startswith(API_PREFIX):
        return _problem_response(request, status.HTTP_403_FORBIDDEN, gettext("You are not allowed to do this."))
    return defaults.permission_denied(request, exception)
