"""Keeping the search index in step with what is public.

Only what anyone may read is indexed: every consultation and its questions (in
each language they are written in), and published responses that are not
group-only, with their unwithheld attachments. An anonymous author's name and
organisation are never indexed. A response is reindexed whenever its audit log grows (each
moderation step writes one entry), so publishing, rejecting, withdrawing or
redacting it updates the index in the same transaction.
"""

import logging

from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse

from tashawur.consultations.models import Consultation
from tashawur.cycles.models import Question
from tashawur.responses.language import detect_language
from tashawur.responses.models import Answer, Attachment, Publication, Response
from tashawur.search.models import DocumentKind, SearchDocument
from tashawur.search.text import STEMMED_LANGUAGES, index_terms, stem_terms

log = logging.getLogger(__name__)

MAX_INDEXED_CHARS = 200_000  # PostgreSQL's tsvector holds at most 1 MB; long files are indexed from their start
BATCH = 200


def build_document(*, kind: str, key: str, consultation: Consultation, title: str, body: str, language: str,
                   url: str, year: int | None, response: Response | None = None) -> SearchDocument:
    body = body[:MAX_INDEXED_CHARS]
    language = (language or "").lower()
    return SearchDocument(
        kind=kind, key=key, group_id=consultation.group_id, consultation=consultation, response=response,
        language=language, year=year, title=title, body=body, url=url,
        stakeholder_group=response.stakeholder_group if response else "",
        channel=response.channel if response else "",
        title_terms=index_terms(title), body_terms=index_terms(body),
        stem_terms=stem_terms(f"{title}\n{body}", language),
        stem_config=STEMMED_LANGUAGES.get(language, "simple"),
    )


def _consultation_year(consultation: Consultation) -> int | None:
    day = consultation.opens_on or consultation.announced_on
    return day.year if day else None


def consultation_documents(consultation: Consultation) -> list[SearchDocument]:
    """The consultation (title and background) and each question, once per language they are written in.

    A question's document has no title of its own: a search for the topic finds the consultation once.
    """
    url = reverse("consultation-detail", args=[consultation.slug])
    topic = consultation.topic
    year = _consultation_year(consultation)
    documents = []
    languages = {code for values in (topic.title, topic.description, consultation.background) for code, text
                 in (values or {}).items() if text}
    for language in sorted(languages):
        body = "\n\n".join(text for text in (topic.description.get(language, ""),
                                             consultation.background.get(language, "")) if text)
        documents.append(build_document(
            kind=DocumentKind.CONSULTATION, key=f"consultation:{consultation.pk}:{language}",
            consultation=consultation, title=topic.title.get(language) or consultation.display_title(language),
            body=body, language=language, url=url, year=year,
        ))
    for question in topic.questions.all():
        for language, text in sorted((question.text or {}).items()):
            if text:
                documents.append(build_document(
                    kind=DocumentKind.QUESTION, key=f"question:{question.pk}:{language}", consultation=consultation,
                    title="", body=text, language=language, url=url, year=year,
                ))
    return documents


def response_documents(response: Response) -> list[SearchDocument]:
    """A public response and its unwithheld attachments; nothing for any other response."""
    if not response.is_public:
        return []
    consultation = response.consultation
    url = reverse("consultation-response", args=[consultation.slug, response.receipt_number])
    named = response.publication == Publication.NAMED
    title = " · ".join(part for part in (response.author_name, response.organisation) if part) if named else ""
    body = "\n\n".join([*(answer.public_text for answer in response.answers.all()), response.public_body]).strip()
    year = response.received_at.year
    documents = [build_document(
        kind=DocumentKind.RESPONSE, key=f"response:{response.pk}", consultation=consultation, title=title, body=body,
        language=response.language, url=url, year=year, response=response,
    )]
    for attachment in response.public_attachments:
        if not attachment.extracted_text.strip():
            continue
        documents.append(build_document(
            kind=DocumentKind.ATTACHMENT, key=f"attachment:{attachment.pk}", consultation=consultation,
            title=attachment.filename, body=attachment.extracted_text,
            language=detect_language(attachment.extracted_text) or response.language,
            url=reverse("response-attachment", args=[response.receipt_number, attachment.pk, attachment.filename]),
            year=year, response=response,
        ))
    return documents


def _responses():
    return Response.objects.select_related("consultation__group").prefetch_related(
        Prefetch("answers", queryset=Answer.objects.select_related("question").order_by("question__position")),
        Prefetch("attachments", queryset=Attachment.objects.filter(withheld=False).order_by("pk"),
                 to_attr="public_attachments"),
    )


def _consultations():
    return Consultation.objects.select_related("group", "topic").prefetch_related(
        Prefetch("topic__questions", queryset=Question.objects.order_by("position"))
    )


def reindex_response(response_id: int) -> int:
    """Replace a response's documents by what is public of it now; returns how many there are."""
    with transaction.atomic():
        SearchDocument.objects.filter(response_id=response_id).delete()
        response = _responses().filter(pk=response_id).first()
        documents = response_documents(response) if response else []
        SearchDocument.objects.bulk_create(documents)
    return len(documents)


def reindex_consultation(consultation_id: int) -> int:
    """Replace a consultation's own documents (not its responses')."""
    with transaction.atomic():
        SearchDocument.objects.filter(
            consultation_id=consultation_id, kind__in=[DocumentKind.CONSULTATION, DocumentKind.QUESTION],
        ).delete()
        consultation = _consultations().filter(pk=consultation_id).first()
        documents = consultation_documents(consultation) if consultation else []
        SearchDocument.objects.bulk_create(documents)
    return len(documents)


def rebuild_index() -> dict[str, int]:
    """Index everything again from scratch (``manage.py rebuild_search_index``)."""
    counts = {"consultations": 0, "responses": 0, "documents": 0}
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        for consultation in _consultations().iterator(chunk_size=BATCH):
            documents = consultation_documents(consultation)
            SearchDocument.objects.bulk_create(documents, batch_size=BATCH)
            counts["consultations"] += 1
            counts["documents"] += len(documents)
        public = _responses().filter(status="published", publication__in=[Publication.NAMED, Publication.ANONYMOUS])
        for response in public.iterator(chunk_size=BATCH):
            documents = response_documents(response)
            SearchDocument.objects.bulk_create(documents, batch_size=BATCH)
            counts["responses"] += 1
            counts["documents"] += len(documents)
    log.info("search index rebuilt consultations=%s responses=%s documents=%s", counts["consultations"],
             counts["responses"], counts["documents"])
    return counts
