"""Responses for document tests, written with the ORM (fast; the submission path has its own tests)."""

import datetime as dt
import hashlib
import itertools

from django.core.files.base import ContentFile

from tashawur.responses.models import Answer, Attachment, Response

_numbers = itertools.count(1)


def published_response(
    consultation, *, answers: dict[int, str], language: str, name: str = "", organisation: str = "",
    country: str = "", stakeholder_group: str = "civil_society", channel: str = "web", publication: str = "named",
    status: str = "published", body: str = "", received_at: dt.datetime | None = None, attachments=(),
    meeting=None,
) -> Response:
    """A response already moderated; ``answers`` maps question positions to texts."""
    number = next(_numbers)
    response = Response.objects.create(
        consultation=consultation, receipt_number=f"R-T{number:03d}-{number:04d}", channel=channel, status=status,
        publication=publication, author_name=name, author_email=f"respondent{number}@example.org",
        organisation=organisation, country=country, stakeholder_group=stakeholder_group, language=language,
        body=body, received_at=received_at or dt.datetime(2016, 12, 1, 9, tzinfo=dt.UTC) + dt.timedelta(minutes=number),
        meeting=meeting,
    )
    questions = {q.position: q for q in consultation.topic.questions.all()}
    Answer.objects.bulk_create(
        Answer(response=response, question=questions[position], text=text) for position, text in answers.items()
    )
    for filename, content, withheld in attachments:
        digest = hashlib.sha256(content).hexdigest()
        attachment = Attachment(response=response, filename=filename, content_type="application/pdf",
                                size=len(content), sha256=digest, withheld=withheld)
        attachment.file.save(f"{digest[:2]}/{digest}", ContentFile(content), save=False)
        attachment.save()
    return response


SAMPLE_TEXTS = {
    "en": "Broadband targets for 2030 must include rural areas; region {n} needs {k} more base stations.",
    "ar": "يجب أن تشمل أهداف النطاق العريض لعام 2030 المناطق الريفية؛ تحتاج المنطقة {n} إلى {k} محطة قاعدة إضافية.",
    "fr": "Les objectifs du haut débit pour 2030 doivent inclure les zones rurales ; la région {n} a besoin de {k} stations.",
    "es": "Las metas de banda ancha para 2030 deben incluir las zonas rurales; la región {n} necesita {k} estaciones.",
    "ru": "Цели в области широкополосного доступа до 2030 года должны охватывать сельские районы; региону {n} нужно {k} станций.",
    "zh": "2030年宽带目标必须覆盖农村地区；第{n}区还需要{k}个基站。",
}


def many_responses(consultation, count: int, *, languages=("en",)):
    """``count`` distinct published responses in bulk (for the background task and the timing)."""
    questions = list(consultation.topic.questions.order_by("position"))
    start = dt.datetime(2016, 11, 1, tzinfo=dt.UTC)
    groups = ["civil_society", "private_sector", "government", "academic_technical", "individual"]
    responses = Response.objects.bulk_create(
        Response(
            consultation=consultation, receipt_number=f"R-B{i:04d}-{i:04d}", channel="web" if i % 3 else "email",
            status="published", publication="named", author_name=f"Respondent {i}",
            organisation=f"Organisation {i % 17}", country="CH", stakeholder_group=groups[i % len(groups)],
            language=languages[i % len(languages)], received_at=start + dt.timedelta(minutes=i),
        )
        for i in range(count)
    )
    Answer.objects.bulk_create(
        Answer(response=response, question=question,
               text=f"{i}.{question.position} " + SAMPLE_TEXTS[response.language].format(n=i % 7, k=i % 13 + 2))
        for i, response in enumerate(responses) for question in questions
    )
    return responses
