from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class ResponseError(TashawurError):
    code = "response_error"


class SubmissionClosed(ResponseError):
    code = "submission_closed"
    default_message = _(
        "The consultation \u201c%(title)s\u201d accepted responses until %(deadline)s (%(zone)s time); "
        "this one arrived on %(received)s, after the deadline."
    )


class SubmissionNotOpen(ResponseError):
    code = "submission_not_open"
    default_message = _("The consultation \u201c%(title)s\u201d is not open for responses yet.")


class EmptyResponse(ResponseError):
    code = "empty_response"
    default_message = _("The response has no text: please answer at least one question or write a message.")


class InvalidResponse(ResponseError):
    code = "invalid_response"


class InvalidTransition(ResponseError):
    code = "invalid_transition"
    default_message = _("A response that is %(status)s cannot be %(action)s.")
