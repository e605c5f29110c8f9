from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "tashawur.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from tashawur.search import signals  # noqa: F401  (keeps the index up to date)
