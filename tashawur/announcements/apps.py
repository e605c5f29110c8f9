from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "tashawur.announcements"
    label = "announcements"
    verbose_name = _("Invitations and announcements")

    def ready(self):
        from tashawur.announcements import checks  # noqa: F401  (registers the system checks)
