"""Errors a registrant or the secretariat can cause at a meeting; each message is a full sentence."""

from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class MeetingError(TashawurError):
    code = "meeting_error"


class RegistrationClosed(MeetingError):
    default_message = _("Registration for this meeting is closed.")
    code = "registration_closed"


class AttendanceNotOffered(MeetingError):
    default_message = _("This meeting does not offer remote participation: please register to attend in person.")
    code = "attendance_not_offered"


class AlreadyRegistered(MeetingError):
    default_message = _(
        "This e-mail address is already registered for this meeting. The e-mail we sent you when you registered "
        "has a link to see or cancel your registration."
    )
    code = "already_registered"


class InvalidCaptions(MeetingError):
    """A captions file that is not strict WebVTT; ``line`` is the 1-based line at fault, when there is one."""

    code = "invalid_captions"

    def __init__(self, message, *, line: int | None = None, **params):
        self.line = line
        super().__init__(message, line=line, **params)


class StatementNotFromMeeting(MeetingError):
    default_message = _("Only an oral statement made at this meeting can be placed in the transcript of its sessions.")
    code = "statement_not_from_meeting"
