"""What people do around a meeting: register, cancel, and what the secretariat records (captions, statements).

Res. 1336 rule 6: the physical open consultation meeting offers remote participation,
webcast and captioning, with caption transcripts; rule 7: meetings at stakeholder
events work the same way. Places are counted under a lock on the meeting's row, so two
people can never take the last place at once; mails are recorded in the same
transaction and sent once it commits.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tashawur.core.errors import NotAllowed
from tashawur.core.languages import CONTENT_LANGUAGES, django_language
from tashawur.meetings import permissions, selectors
from tashawur.meetings.calendar import meeting_calendar, meeting_url
from tashawur.meetings.errors import (
    AlreadyRegistered, AttendanceNotOffered, InvalidCaptions, RegistrationClosed, StatementNotFromMeeting,
)
from tashawur.meetings.models import (
    Attendance, CaptionTrack, Cue, Meeting, MeetingSession, Registration, RegistrationMail, RegistrationMailKind,
    RegistrationStatus, StatementPlace,
)
from tashawur.meetings.tokens import registration_token
from tashawur.meetings.webvtt import MAX_CAPTION_BYTES, parse_webvtt
from tashawur.responses.models import Channel, Response

log = logging.getLogger(__name__)


# --- registration -----------------------------------------------------------------------------

@dataclass(frozen=True)
class RegistrationDetails:
    """What a person gives to register (the web form builds it; so could the API)."""

    meeting: Meeting
    attendance: str
    name: str
    email: str
    country: str
    stakeholder_group: str
    organisation: str = ""
    needs_captioning: bool = False
    needs_sign_language: bool = False
    sign_language: str = ""
    needs_step_free_access: bool = False
    other_needs: str = ""
    language: str = "en"  # a content key: the language of the mails
    idempotency_key: str | None = None


@dataclass(frozen=True)
class RegistrationResult:
    registration: Registration
    created: bool


def register_for_meeting(*, details: RegistrationDetails, now: datetime | None = None) -> RegistrationResult:
    """Register a person to attend in person or remotely (Res. 1336 rule 6).

    A place is confirmed while the meeting has places left for that way of attending;
    after that the person joins the waiting list, in order of registration. One
    registration per e-mail address per meeting (a database constraint); the same form
    sent twice returns the first registration and mails nothing more.
    """
    now = now or timezone.now()
    key = details.idempotency_key
    if key and (existing := Registration.objects.filter(idempotency_key=key).first()):
        return RegistrationResult(existing, created=False)
    with transaction.atomic(durable=True):
        meeting = Meeting.objects.select_for_update().select_related("group").get(pk=details.meeting.pk)
        if key and (existing := Registration.objects.filter(idempotency_key=key).first()):
            return RegistrationResult(existing, created=False)  # the same form, sent while the first was stored
        _check_can_register(meeting, details, now)
        email = details.email.strip().lower()
        if Registration.objects.filter(meeting=meeting, email=email).exclude(status=RegistrationStatus.CANCELLED).exists():
            raise AlreadyRegistered()
        has_place = _has_place(meeting, details.attendance)
        registration = Registration(
            meeting=meeting, attendance=details.attendance, name=details.name.strip(), email=email,
            organisation=details.organisation.strip(), country=details.country.upper(),
            stakeholder_group=details.stakeholder_group, needs_captioning=details.needs_captioning,
            needs_sign_language=details.needs_sign_language,
            sign_language=details.sign_language.strip() if details.needs_sign_language else "",
            needs_step_free_access=details.needs_step_free_access, other_needs=details.other_needs.strip(),
            language=details.language if details.language in CONTENT_LANGUAGES else "en",
            registered_at=now, idempotency_key=key,
            status=RegistrationStatus.CONFIRMED if has_place else RegistrationStatus.WAITING,
            place_confirmed_at=now if has_place else None,
        )
        registration.full_clean(validate_constraints=False)  # the lock and the check above hold them
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            raise AlreadyRegistered() from None
        _queue_mail(registration, RegistrationMailKind.CONFIRMED if has_place else RegistrationMailKind.WAITING)
    log.info("meeting registration stored meeting=%s registration=%s attendance=%s status=%s",
             meeting.pk, registration.pk, registration.attendance, registration.status)
    return RegistrationResult(registration, created=True)


def _check_can_register(meeting: Meeting, details: RegistrationDetails, now: datetime) -> None:
    if not selectors.registration_is_open(meeting, now):
        raise RegistrationClosed()
    if details.attendance == Attendance.REMOTE and not meeting.remote_participation:
        raise AttendanceNotOffered()


def _capacity(meeting: Meeting, attendance: str) -> int | None:
    return meeting.in_person_capacity if attendance == Attendance.IN_PERSON else meeting.remote_capacity


def _has_place(meeting: Meeting, attendance: str) -> bool:
    """Called with the meeting's row locked. Nobody jumps the queue: a place is free only if nobody waits."""
    capacity = _capacity(meeting, attendance)
    if capacity is None:
        return True
    taken = Registration.objects.filter(meeting=meeting, attendance=attendance)
    if taken.filter(status=RegistrationStatus.WAITING).exists():
        return False
    return taken.filter(status=RegistrationStatus.CONFIRMED).count() < capacity


def cancel_registration(*, registration: Registration, now: datetime | None = None) -> bool:
    """The registrant cancels through their secret link; the first person waiting gets the place and a mail.

    Returns False when it was already cancelled (a second click changes nothing).
    """
    now = now or timezone.now()
    with transaction.atomic(durable=True):
        meeting = Meeting.objects.select_for_update().select_related("group").get(pk=registration.meeting_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return False
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = _fill_places(meeting, registration.attendance, now)
    log.info("meeting registration cancelled meeting=%s registration=%s promoted=%s",
             meeting.pk, registration.pk, [each.pk for each in promoted])
    return True


def fill_places(*, meeting: Meeting, actor, now: datetime | None = None) -> list[Registration]:
    """The secretariat added places: people waiting get them, first come first served, and a mail each."""
    if not permissions.can_manage_meeting(actor, meeting):
        raise NotAllowed()
    now = now or timezone.now()
    with transaction.atomic(durable=True):
        meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
        promoted = [
            registration for attendance in Attendance.values for registration in _fill_places(meeting, attendance, now)
        ]
    if promoted:
        log.info("meeting places filled meeting=%s promoted=%s", meeting.pk, [each.pk for each in promoted])
    return promoted


def _fill_places(meeting: Meeting, attendance: str, now: datetime) -> list[Registration]:
    """Called with the meeting's row locked. Nobody is promoted once the meeting is over."""
    if selectors.meeting_today(meeting, now) > meeting.ends_on:
        return []
    waiting = Registration.objects.filter(
        meeting=meeting, attendance=attendance, status=RegistrationStatus.WAITING,
    ).order_by("registered_at", "pk")
    capacity = _capacity(meeting, attendance)
    if capacity is not None:
        confirmed = Registration.objects.filter(
            meeting=meeting, attendance=attendance, status=RegistrationStatus.CONFIRMED,
        ).count()
        waiting = waiting[: max(capacity - confirmed, 0)]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.place_confirmed_at = now
        registration.save(update_fields=["status", "place_confirmed_at"])
        _queue_mail(registration, RegistrationMailKind.PROMOTED)
    return promoted


# --- mails ------------------------------------------------------------------------------------

def registration_url(registration: Registration) -> str:
    """The registrant's secret link, to see the meeting's links and to cancel."""
    return settings.PUBLIC_BASE_URL + reverse(
        "registration-own", args=[registration.meeting_id, registration.pk, registration_token(registration)],
    )


_SUBJECTS = {
    RegistrationMailKind.CONFIRMED: lambda: _("Your place at “%(title)s” is confirmed"),
    RegistrationMailKind.WAITING: lambda: _("You are on the waiting list for “%(title)s”"),
    RegistrationMailKind.PROMOTED: lambda: _("A place at “%(title)s” is now yours"),
}


def _queue_mail(registration: Registration, kind: str) -> None:
    """Record the mail in the registrant's language, with the .ics when a place is confirmed; send on commit."""
    meeting = registration.meeting
    with translation.override(django_language(registration.language)):
        title = meeting.display_title(registration.language)
        context = {
            "registration": registration, "meeting": meeting, "title": title,
            "meeting_url": meeting_url(meeting), "own_url": registration_url(registration),
            "position": selectors.waiting_position(registration),
        }
        subject = _SUBJECTS[kind]() % {"title": title}
        body = render_to_string(f"meetings/mail/{kind}.txt", context)
        calendar = meeting_calendar(meeting).decode() if kind != RegistrationMailKind.WAITING else ""
    try:
        with transaction.atomic():
            mail = RegistrationMail.objects.create(
                registration=registration, kind=kind, to=registration.email, subject=subject, body=body,
                calendar=calendar, language=registration.language,
            )
    except IntegrityError:
        return  # this mail was already recorded for this registration
    transaction.on_commit(lambda: send_registration_mail(mail.pk))


def send_registration_mail(mail_id: int) -> None:
    """Send a recorded mail once; a failure stays on the row with its error, for an operator to retry."""
    mail = RegistrationMail.objects.select_related("registration").get(pk=mail_id)
    if mail.sent_at:
        return
    message = EmailMessage(
        subject=mail.subject, body=mail.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[mail.to],
        headers={"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All",
                 "Content-Language": django_language(mail.language)},
    )
    if mail.calendar:
        message.attach(f"meeting-{mail.registration.meeting_id}.ics", mail.calendar, "text/calendar")
    try:
        message.send()
    except Exception as exc:  # the row keeps the error; nothing is lost
        log.warning("registration mail not sent id=%s error=%s", mail.pk, exc)
        RegistrationMail.objects.filter(pk=mail.pk).update(error=str(exc)[:2000])
        return
    RegistrationMail.objects.filter(pk=mail.pk).update(sent_at=timezone.now(), error="")


# --- captions and oral statements (the secretariat) ---------------------------------------------

def attach_captions(*, session: MeetingSession, vtt_bytes: bytes, language: str, actor) -> CaptionTrack:
    """Publish a session's captions in one language from a WebVTT file (rule 6: caption transcripts).

    The file is checked strictly first (``webvtt.parse_webvtt``): a broken one is refused
    with the line at fault and changes nothing. A new file for the same language replaces
    the old one and its cues at once.
    """
    if not permissions.can_manage_meeting(actor, session.meeting):
        raise NotAllowed()
    if language not in CONTENT_LANGUAGES:
        raise InvalidCaptions(_("Captions are published in one of the six UN languages."))
    cues = parse_webvtt(vtt_bytes, max_bytes=getattr(settings, "CAPTIONS_MAX_BYTES", MAX_CAPTION_BYTES))
    text = vtt_bytes.decode("utf-8-sig")
    with transaction.atomic(durable=True):
        track, _created = CaptionTrack.objects.select_for_update().update_or_create(
            session=session, language=language,
            defaults={"vtt": text, "sha256": hashlib.sha256(vtt_bytes).hexdigest(), "uploaded_at": timezone.now(),
                      "uploaded_by": actor if getattr(actor, "is_authenticated", False) else None},
        )
        track.cues.all().delete()
        Cue.objects.bulk_create(
            Cue(track=track, number=cue.number, identifier=cue.identifier[:200], start_ms=cue.start_ms,
                end_ms=cue.end_ms, speaker=cue.speaker[:200], text=cue.text)
            for cue in cues
        )
    log.info("captions attached session=%s language=%s cues=%s", session.pk, language, len(cues))
    return track


def check_statement_place(response: Response, session: MeetingSession) -> None:
    """Only an oral statement made at the session's meeting has a place in its transcript."""
    if response.channel != Channel.ORAL or response.meeting_id != session.meeting_id:
        raise StatementNotFromMeeting()


def place_statement(*, response: Response, session: MeetingSession, starts_at_ms: int, actor) -> StatementPlace:
    """Link an oral statement to the moment it was made in a session's recording and transcript.

    One write, so it may run inside a caller's transaction (the admin's, or the one
    recording the statement itself).
    """
    if not permissions.can_manage_meeting(actor, session.meeting):
        raise NotAllowed()
    check_statement_place(response, session)
    with transaction.atomic():
        place, _created = StatementPlace.objects.update_or_create(
            response=response, defaults={"session": session, "starts_at_ms": starts_at_ms},
        )
    log.info("oral statement placed receipt=%s session=%s at_ms=%s", response.receipt_number, session.pk, starts_at_ms)
    return place
