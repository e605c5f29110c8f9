"""Errors a user can cause: each carries a translatable message shown at the edge."""

from django.utils.translation import gettext_lazy as _


class TashawurError(Exception):
    """Base of domain errors; ``message`` is a full, translatable sentence."""

    default_message = _("The request could not be carried out.")
    code = "error"

    def __init__(self, message=None, **params):
        self.params = params
        self.message_template = message or self.default_message
        super().__init__(str(self.message))

    @property
    def message(self) -> str:
        if not self.params:
            return str(self.message_template)
        return str(self.message_template % self.params)


class NotAllowed(TashawurError):
    default_message = _("You are not allowed to do this.")
    code = "not_allowed"
