from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class AccountError(TashawurError):
    code = "account_error"


class InvalidConfirmationLink(AccountError):
    code = "invalid_confirmation_link"
    default_message = _("This confirmation link is not valid: it has expired, was already used, or was mistyped.")


class EmailNotConfirmed(AccountError):
    code = "email_not_confirmed"
    default_message = _("Confirm your e-mail address first, with the link we sent you.")


class StaffAccount(AccountError):
    code = "staff_account"
    default_message = _("A staff account is deleted by an administrator, not from this page.")
