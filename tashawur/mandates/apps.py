from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandatesConfig(AppConfig):
    name = "tashawur.mandates"
    label = "mandates"
    verbose_name = _("Mandates of resolutions")
