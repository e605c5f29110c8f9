"""System checks: the announcement settings must make sense before a worker sends anything."""

from django.conf import settings
from django.core.checks import Error, register

from tashawur.announcements.models import MAX_RATE_PER_MINUTE


@register()
def announcement_settings(app_configs, **kwargs):
    errors = []
    if not 1 <= settings.ANNOUNCEMENT_RATE_PER_MINUTE <= MAX_RATE_PER_MINUTE:
        errors.append(Error(f"ANNOUNCEMENT_RATE_PER_MINUTE must be between 1 and {MAX_RATE_PER_MINUTE}.",
                            id="tashawur.announcements.E001"))
    if settings.ANNOUNCEMENT_BATCH_SECONDS < 1:
        errors.append(Error("ANNOUNCEMENT_BATCH_SECONDS must be at least 1.", id="tashawur.announcements.E002"))
    if settings.ANNOUNCEMENT_STALE_SECONDS < 60:
        errors.append(Error("ANNOUNCEMENT_STALE_SECONDS must be at least 60: a message still being handed to the "
                            "mail server must not be taken for an interrupted one.", id="tashawur.announcements.E003"))
    if settings.DEADLINE_REMINDER_DAYS < 0:
        errors.append(Error("DEADLINE_REMINDER_DAYS cannot be negative.", id="tashawur.announcements.E004"))
    return errors
