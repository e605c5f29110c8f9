from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "tashawur.policy"
    label = "policy"
    verbose_name = _("Issues of public policy")
