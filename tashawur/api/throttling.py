"""Rate limits per client address (anonymous) or per token; a refusal is a 429 with Retry-After.

The rates are read from ``settings.API_RATE_LIMITS`` on every request, so tests
and operators can change them without restarting the class definitions.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class _SettingsRate(SimpleRateThrottle):
    def get_rate(self):
        return settings.API_RATE_LIMITS[self.scope]


class AnonymousRate(_SettingsRate):
    scope = "anonymous"

    def get_cache_key(self, request, view):
        if request.auth is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenRate(_SettingsRate):
    scope = "token"

    def get_cache_key(self, request, view):
        if request.auth is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


class SubmitRate(_SettingsRate):
    """New responses per token: a program sending for many people still cannot flood a consultation."""

    scope = "submit"

    def get_cache_key(self, request, view):
        if request.method != "POST":
            return None
        ident = request.auth.pk if request.auth is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
