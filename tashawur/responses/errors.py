from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class ResponseError(TashawurError):
    code = "response_error"


class SubmissionClosed(ResponseError):
    code = "submission_closed"
    default_message = _(
        "The consultation “%(title)s” accepted responses until %(deadline)s (%(zone)s time); "
        "this one arrived on %(received)s, after the deadline."
    )


class SubmissionNotOpen(ResponseError):
    code = "submission_not_open"
    default_message = _("The consultation “%(title)s” is not open for responses yet.")


class EmptyResponse(ResponseError):
    code = "empty_response"
    default_message = _("The response has no text: please answer at least one question or write a message.")


class InvalidResponse(ResponseError):
    code = "invalid_response"


class InvalidTransition(ResponseError):
    """A moderation step that does not apply to the response's current status."""

    code = "invalid_transition"
    default_message = _("This step does not apply to a response with the status “%(status)s”.")
