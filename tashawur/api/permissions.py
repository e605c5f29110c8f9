"""Reading is open to everyone; anything else needs a token (and the services check the rest)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission


class ReadOnlyOrToken(BasePermission):
    message = _("Writing through the API needs a token: send it as Authorization: Bearer <token>.")

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS or not hasattr(view, request.method.lower()):
            return True  # a method the endpoint does not have is answered 405, token or not
        return request.auth is not None
