from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _index_existing_data(sender, using, **kwargs):
    """A database that had consultations before search existed gets its index on the next migrate."""
    from tashawur.consultations.models import Consultation
    from tashawur.search.indexing import rebuild_index
    from tashawur.search.models import SearchDocument

    if not SearchDocument.objects.using(using).exists() and Consultation.objects.using(using).exists():
        rebuild_index()


class SearchConfig(AppConfig):
    name = "tashawur.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from tashawur.search import signals  # noqa: F401  (keeps the index up to date)

        post_migrate.connect(_index_existing_data, sender=self, dispatch_uid="search-index-existing-data")
