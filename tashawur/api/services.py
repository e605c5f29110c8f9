"""Issuing and revoking API tokens (the operator's or the secretariat's action)."""

import hashlib
import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from tashawur.api.models import ApiToken

TOKEN_PREFIX = "tsh_"


def hash_api_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_api_token(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; the secret is returned once and never stored."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip()[:100], prefix=secret[:12], key_hash=hash_api_token(secret))
    token.full_clean()
    with transaction.atomic(durable=True):
        token.save()
    return token, secret


def revoke_api_token(*, token: ApiToken, now: datetime | None = None) -> ApiToken:
    """A revoked token authenticates nothing from then on; the row stays for the record."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now or timezone.now())
    token.refresh_from_db()
    return token
