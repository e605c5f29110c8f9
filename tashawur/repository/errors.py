from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class RepositoryError(TashawurError):
    code = "repository_error"


class InvalidEntry(RepositoryError):
    code = "invalid_entry"
    default_message = _("The entry could not be accepted.")


class InvalidTransition(RepositoryError):
    """A moderation step that does not apply to the entry's current status."""

    code = "invalid_transition"
    default_message = _("This step does not apply to an entry with the status “%(status)s”.")
