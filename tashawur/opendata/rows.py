"""One published response as an open-data record (JSON, NDJSON) and as a CSV row.

Only public responses reach these functions (see ``responses_for_export(private=False)``);
they still drop the name of an anonymous author themselves, and never read the e-mail address.
"""

from collections.abc import Callable

from django.urls import reverse

from tashawur.responses.models import Publication, Response

AbsoluteUrl = Callable[[str], str]

CSV_LEADING_COLUMNS = (
    "receipt_number", "consultation", "group", "url", "received_at", "published_at", "channel", "stakeholder_group",
    "country", "language", "publication", "author_name", "organisation", "body",
)


def attachment_url(response: Response, attachment, absolute_url: AbsoluteUrl) -> str:
    return absolute_url(reverse("response-attachment", args=[response.receipt_number, attachment.pk, attachment.filename]))


def response_record(response: Response, *, consultation, attachments, absolute_url: AbsoluteUrl) -> dict:
    """The response as plain data; ``attachments`` are the public (unwithheld) files only."""
    return {
        "receipt_number": response.receipt_number,
        "consultation": consultation.slug,
        "group": consultation.group.code,
        "url": absolute_url(reverse("consultation-response", args=[consultation.slug, response.receipt_number])),
        "received_at": response.received_at.isoformat(),
        "published_at": response.published_at.isoformat() if response.published_at else None,
        "channel": response.channel,
        "stakeholder_group": response.stakeholder_group,
        "country": response.country,
        "language": response.language,
        "publication": response.publication,
        "author_name": "" if response.publication == Publication.ANONYMOUS else response.author_name,
        "organisation": response.organisation,
        "body": response.public_body,
        "answers": [
            {"question": answer.question_id, "position": answer.question.position, "text": answer.public_text}
            for answer in response.answers.all()
        ],
        "attachments": [
            {
                "id": attachment.pk, "filename": attachment.filename, "content_type": attachment.content_type,
                "size": attachment.size, "sha256": attachment.sha256,
                "url": attachment_url(response, attachment, absolute_url),
            }
            for attachment in attachments
        ],
    }


def csv_header(question_positions: list[int]) -> list[str]:
    return [*CSV_LEADING_COLUMNS, *(f"answer_{position}" for position in question_positions), "attachment_urls"]


def csv_row(record: dict, question_positions: list[int]) -> list[str]:
    answers = {answer["position"]: answer["text"] for answer in record["answers"]}
    return [
        *(_cell(record[column]) for column in CSV_LEADING_COLUMNS),
        *(_cell(answers.get(position, "")) for position in question_positions),
        " ".join(attachment["url"] for attachment in record["attachments"]),
    ]


def _cell(value) -> str:
    """Text for a spreadsheet: a leading =, +, - or @ would be read as a formula, so it is quoted away."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text
