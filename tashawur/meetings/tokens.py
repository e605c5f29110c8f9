"""The secret link of a registration: an HMAC of the registration, so no secret is stored in the database.

The same link works in every mail about the registration (confirmed, waiting,
promoted), and stops working if the site's SECRET_KEY is replaced without
keeping the old one in SECRET_KEY_FALLBACKS.
"""

import secrets
from datetime import timezone

from django.conf import settings
from django.utils.crypto import salted_hmac

_SALT = "tashawur.meetings.registration"
TOKEN_LENGTH = 32


def _token(registration, secret: str) -> str:
    registered_at = registration.registered_at.astimezone(timezone.utc).isoformat()
    value = f"{registration.pk}:{registration.meeting_id}:{registration.email}:{registered_at}"
    return salted_hmac(_SALT, value, secret=secret, algorithm="sha256").hexdigest()[:TOKEN_LENGTH]


def registration_token(registration) -> str:
    return _token(registration, settings.SECRET_KEY)


def token_matches(registration, token: str) -> bool:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(secrets.compare_digest(_token(registration, key), token) for key in keys)
