from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepositoryConfig(AppConfig):
    name = "tashawur.repository"
    label = "repository"
    verbose_name = _("Repository of experiences and best practices")
