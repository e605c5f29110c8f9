"""Why a message is refused before it reaches a consultation; each becomes a sentence in the reply."""

from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class MailRefused(TashawurError):
    code = "mail_refused"


class UnknownAddress(MailRefused):
    code = "unknown_address"
    default_message = _(
        "No consultation receives mail at %(addresses)s. Please check the address announced on the "
        "consultation's page."
    )


class MessageTooLarge(MailRefused):
    code = "message_too_large"
    default_message = _(
        "Your message is %(size)s; messages of up to %(limit)s are accepted. Please send large documents "
        "as a link, or split them over several messages."
    )


class UnreadableMessage(MailRefused):
    code = "unreadable_message"
    default_message = _("Your message could not be read (it is not a well-formed e-mail). Please send it again.")
