"""Signal receivers that keep the search index current: an integration point, not business logic.

Signals are used on purpose here: the index is a derived copy that the
responses, consultations and cycles apps need not know about. Every moderation
step (publish, reject, restore, withdraw, redact) writes an ``AuditEvent`` in the
same transaction as the change, so one receiver on it sees them all; the index
is updated in that transaction, and a failure to index is logged without
undoing the moderation (it runs in a savepoint; ``rebuild_search_index`` repairs).
"""

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tashawur.consultations.models import Consultation
from tashawur.cycles.models import Question, Topic
from tashawur.responses.models import AuditEvent
from tashawur.search import indexing

log = logging.getLogger(__name__)


def _safely(function, object_id: int) -> None:
    try:
        with transaction.atomic():
            function(object_id)
    except (DatabaseError, ValueError, LookupError) as error:
        log.exception("search index not updated function=%s id=%s error=%s", function.__name__, object_id, error)


@receiver(post_save, sender=AuditEvent, dispatch_uid="search-response-audit")
def response_changed(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        _safely(indexing.reindex_response, instance.response_id)


@receiver(post_save, sender=Consultation, dispatch_uid="search-consultation-saved")
def consultation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _safely(indexing.reindex_consultation, instance.pk)


@receiver(post_save, sender=Topic, dispatch_uid="search-topic-saved")
@receiver(post_save, sender=Question, dispatch_uid="search-question-saved")
@receiver(post_delete, sender=Question, dispatch_uid="search-question-deleted")
def topic_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    topic_id = instance.pk if sender is Topic else instance.topic_id
    for consultation_id in Consultation.objects.filter(topic_id=topic_id).values_list("pk", flat=True):
        _safely(indexing.reindex_consultation, consultation_id)
