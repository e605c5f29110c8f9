"""The link that proves a stakeholder owns the address of their account.

Built like Django's password-reset tokens: signed, timed (PASSWORD_RESET_TIMEOUT),
and spent once the address is confirmed, because the confirmation time is part
of what is signed.
"""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "tashawur.accounts.tokens.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        account = getattr(user, "stakeholder_account", None)
        confirmed = account.email_confirmed_at.isoformat() if account and account.email_confirmed_at else ""
        return f"{user.pk}{user.email.lower()}{confirmed}{timestamp}"


email_confirmation_token = EmailConfirmationTokenGenerator()
