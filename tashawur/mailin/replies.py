"""The replies a sender gets: one acknowledgement or one refusal per message, never both, never twice.

A reply is written in the language of the message (when it is a UN language)
and in the consultation's language, so both the sender and the secretariat can
read it. Every sentence is translatable.
"""

from dataclasses import dataclass
from datetime import UTC

from django.utils.translation import gettext as _, override

from tashawur.core.errors import TashawurError
from tashawur.core.languages import CONTENT_LANGUAGES, django_language
from tashawur.mailin.models import ReplyKind
from tashawur.responses.language import detect_language

_SEPARATOR = "\n\n" + "-" * 40 + "\n\n"


@dataclass(frozen=True)
class Reply:
    kind: str
    subject: str
    body: str
    language: str  # a Content-Language value, e.g. "ar, en"


def consultation_language(consultation) -> str:
    """The consultation's working language: English when its title has it, else its first UN language."""
    title = (consultation.topic.title or {}) if consultation is not None else {}
    if title.get("en") or not title:
        return "en"
    return next((code for code in title if code in CONTENT_LANGUAGES and title[code]), "en")


def reply_languages(text: str, consultations) -> list[str]:
    detected = detect_language(text)
    languages = [detected] if detected in CONTENT_LANGUAGES else []
    languages += [consultation_language(consultations[0] if consultations else None)]
    return list(dict.fromkeys(languages))


def render_error(error: TashawurError, language: str, consultation=None) -> str:
    """The error's sentence in ``language``, with the consultation's title in that language too."""
    params = dict(error.params)
    if "title" in params and consultation is not None:
        params["title"] = consultation.display_title(language)
    with override(django_language(language)):
        template = str(error.message_template)
        return template % params if params else template


def _local_time(moment, consultation) -> tuple[str, str]:
    zone = consultation.group.zone if consultation is not None else UTC
    name = consultation.group.time_zone if consultation is not None else "UTC"
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M"), name


def _subject_line(subject: str) -> str:
    """The sender's subject on one line (a decoded subject may hide line breaks), or a placeholder."""
    line = " ".join(subject.split())
    return (line[:150] + "…" if len(line) > 150 else line) or _("(no subject)")


def acknowledgement(*, inbound, subject: str, responses, refused, languages) -> Reply:
    """Res. 1336 rule 8: the sender learns the receipt number of each response the message became."""
    receipts = ", ".join(response.receipt_number for response in responses)
    sections = []
    for language in languages:
        with override(django_language(language)):
            sections.append(_acknowledgement_text(inbound, subject, responses, refused, language))
    with override(django_language(languages[0])):
        title = _("Response received (%(receipts)s): %(subject)s") % {
            "receipts": receipts, "subject": _subject_line(subject)}
    return Reply(ReplyKind.ACKNOWLEDGEMENT, title, _join(sections), ", ".join(languages))


def _acknowledgement_text(inbound, subject, responses, refused, language) -> str:
    received, zone = _local_time(inbound.received_at, responses[0].consultation)
    lines = [_("Thank you. Your message “%(subject)s” was received on %(received)s (%(zone)s time).") % {
        "subject": _subject_line(subject), "received": received, "zone": zone}]
    for response in responses:
        lines.append(_(
            "It was recorded as a response to the consultation “%(title)s” with the receipt number "
            "%(receipt)s."
        ) % {"title": response.consultation.display_title(language), "receipt": response.receipt_number})
    for consultation, error in refused:
        lines.append(_("It was not recorded for the consultation “%(title)s”: %(reason)s") % {
            "title": consultation.display_title(language), "reason": render_error(error, language, consultation)})
    lines.append(_(
        "The secretariat reviews every response before it is published on the consultation's page. "
        "Please quote the receipt number if you write to the secretariat about your response."
    ))
    return "\n\n".join(lines)


def refusal(*, inbound, subject: str, errors, languages, consultations=()) -> Reply:
    """A message that became no response is answered with the reasons, never silently dropped."""
    owners = [consultation for consultation, _error in errors if consultation is not None]
    consultation = next(iter([*owners, *consultations]), None)
    sections = []
    for language in languages:
        with override(django_language(language)):
            received, zone = _local_time(inbound.received_at, consultation)
            lines = [_(
                "Your message “%(subject)s”, received on %(received)s (%(zone)s time), was not "
                "recorded as a response."
            ) % {"subject": _subject_line(subject), "received": received, "zone": zone}]
            lines += [render_error(error, language, owner) for owner, error in errors]
            lines.append(_("The secretariat keeps a copy of your message under the reference %(reference)s.") % {
                "reference": f"M-{inbound.pk}"})
            sections.append("\n\n".join(lines))
    with override(django_language(languages[0])):
        title = _("Not accepted: %(subject)s") % {"subject": _subject_line(subject)}
    return Reply(ReplyKind.REFUSAL, title, _join(sections), ", ".join(languages))


def _join(sections: list[str]) -> str:
    """One section per language; a language whose translation is missing would repeat one, so it is left out."""
    return _SEPARATOR.join(dict.fromkeys(sections))
