"""The search index: one row per searchable text, kept up to date by ``indexing``.

Both engines read the same rows. PostgreSQL keeps ``search_vector`` (a tsvector
with a GIN index) from the ``*_terms`` columns with a trigger; SQLite keeps an
FTS5 table over them with triggers. Both are created by migrations that run
only on their database.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from tashawur.consultations.models import Consultation
from tashawur.groups.models import WorkingGroup
from tashawur.responses.models import Response


class DocumentKind(models.TextChoices):
    CONSULTATION = "consultation", _("Consultation")
    QUESTION = "question", _("Question")
    RESPONSE = "response", pgettext_lazy("search result kind", "Response")
    ATTACHMENT = "attachment", _("Attachment")


class SearchDocument(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    key = models.CharField(max_length=80, unique=True, help_text="e.g. question:12:ar, response:5, attachment:9")
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="+")
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    language = models.CharField(_("language"), max_length=8, blank=True)
    stakeholder_group = models.CharField(_("stakeholder group"), max_length=30, blank=True)
    channel = models.CharField(_("channel"), max_length=10, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    title = models.TextField(_("title"), blank=True)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(max_length=500)
    # What the engines match: folded words and CJK bigrams, and (for SQLite) Snowball stems.
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    stem_terms = models.TextField(blank=True)
    # PostgreSQL's text search configuration for the language's own stemming ("simple" for none).
    stem_config = models.CharField(max_length=20, default="simple")
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only, set by a trigger
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [
            models.Index(fields=["consultation", "kind"]),
            models.Index(fields=["group", "year"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stem_config__in=["simple", "english", "french", "spanish", "russian"]),
                name="search_stem_config_known",
            ),
        ]

    def __str__(self):
        return self.key
