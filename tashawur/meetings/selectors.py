"""Reads for the meeting pages: lists, places left, a registrant's own view, transcripts, oral statements.

Each function fetches what its page shows up front, so a page makes a fixed
number of queries however many meetings, cues or statements it lists.
"""

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from tashawur.core.languages import content_language
from tashawur.meetings import permissions
from tashawur.meetings.models import (
    Attendance, CaptionTrack, Cue, Meeting, MeetingSession, Registration, RegistrationStatus, StatementPlace,
)
from tashawur.meetings.tokens import token_matches
from tashawur.responses.models import Channel, Response, Status
from tashawur.responses.selectors import visible_publications


def meeting_today(meeting: Meeting, now: dt.datetime | None = None) -> dt.date:
    """Today's date in the group's time zone, the zone in which the meeting's days are counted."""
    return timezone.localtime(now or timezone.now(), meeting.group.zone).date()


def registration_is_open(meeting: Meeting, now: dt.datetime | None = None) -> bool:
    """Open when the secretariat opened it, until the end of the meeting's last day."""
    return meeting.registration_open and meeting_today(meeting, now) <= meeting.ends_on


# --- lists and pages --------------------------------------------------------------------------

def meetings_for_list(now: dt.datetime | None = None) -> tuple[list[Meeting], list[Meeting]]:
    """(upcoming and current, oldest first; past, newest first) across every group."""
    meetings = list(Meeting.objects.select_related("group").order_by("starts_on", "kind", "pk"))
    upcoming = [meeting for meeting in meetings if meeting.ends_on >= meeting_today(meeting, now)]
    past = [meeting for meeting in reversed(meetings) if meeting.ends_on < meeting_today(meeting, now)]
    return upcoming, past


def meeting_for_page(meeting_id: int) -> Meeting:
    """A meeting with its group, sessions (and their captions) and consultations; raises Meeting.DoesNotExist."""
    return Meeting.objects.select_related("group").prefetch_related(
        Prefetch("sessions", queryset=MeetingSession.objects.prefetch_related(
            Prefetch("caption_tracks", queryset=CaptionTrack.objects.only("pk", "session_id", "language"))
        )),
        "consultations_held__topic",
    ).get(pk=meeting_id)


@dataclass(frozen=True)
class Places:
    attendance: str
    capacity: int | None  # None: no limit
    confirmed: int
    waiting: int

    @property
    def left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.confirmed >= self.capacity


def places(meeting: Meeting) -> dict[str, Places]:
    """Places taken and people waiting, for each way of attending (one query)."""
    counts = Registration.objects.filter(meeting=meeting).aggregate(**{
        f"{attendance}_{status}": Count("pk", filter=Q(attendance=attendance, status=status))
        for attendance in Attendance.values
        for status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
    })
    capacities = {Attendance.IN_PERSON: meeting.in_person_capacity, Attendance.REMOTE: meeting.remote_capacity}
    return {
        attendance: Places(
            attendance=attendance, capacity=capacities[attendance],
            confirmed=counts[f"{attendance}_confirmed"], waiting=counts[f"{attendance}_waiting"],
        )
        for attendance in Attendance.values
    }


@dataclass(frozen=True)
class MeetingLinks:
    remote_participation_url: str = ""
    webcast_url: str = ""

    def __bool__(self):
        return bool(self.remote_participation_url or self.webcast_url)


def meeting_links(meeting: Meeting, registration: Registration | None = None) -> MeetingLinks:
    """The links this reader may see: the secretariat's choice, and the registrant's status."""
    return MeetingLinks(
        remote_participation_url=meeting.remote_participation_url
        if meeting.remote_participation_url and permissions.can_see_remote_participation_link(meeting, registration)
        else "",
        webcast_url=meeting.webcast_url
        if meeting.webcast_url and permissions.can_see_webcast_link(meeting, registration) else "",
    )


# --- a registrant's own page ------------------------------------------------------------------

def registration_for_link(meeting_id: int, registration_id: int, token: str) -> Registration | None:
    """The registration a secret link points to, or None when the link is wrong."""
    registration = Registration.objects.select_related("meeting__group").filter(
        pk=registration_id, meeting_id=meeting_id,
    ).first()
    if registration and token_matches(registration, token):
        return registration
    return None


def waiting_position(registration: Registration) -> int | None:
    """1 for the first person on the waiting list; None when not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = Registration.objects.filter(
        meeting_id=registration.meeting_id, attendance=registration.attendance, status=RegistrationStatus.WAITING,
    ).filter(
        Q(registered_at__lt=registration.registered_at)
        | Q(registered_at=registration.registered_at, pk__lt=registration.pk)
    ).count()
    return ahead + 1


# --- sessions and transcripts -----------------------------------------------------------------

def session_for_page(meeting_id: int, session_id: int) -> MeetingSession:
    """A session with its meeting and caption tracks; raises MeetingSession.DoesNotExist."""
    return MeetingSession.objects.select_related("meeting__group").prefetch_related(
        Prefetch("caption_tracks", queryset=CaptionTrack.objects.only("pk", "session_id", "language"))
    ).get(pk=session_id, meeting_id=meeting_id)


def caption_track(session: MeetingSession, language: str) -> CaptionTrack:
    """Raises CaptionTrack.DoesNotExist."""
    return CaptionTrack.objects.get(session=session, language=language)


def chosen_track(tracks: list[CaptionTrack], wanted: str = "") -> CaptionTrack | None:
    """The track asked for, else the one in the reader's language, else the first."""
    by_language = {track.language: track for track in tracks}
    return by_language.get(wanted) or by_language.get(content_language()) or (tracks[0] if tracks else None)


@dataclass
class TranscriptLine:
    cue: Cue
    statements: list = field(default_factory=list)  # public oral statements that begin at this cue


@dataclass
class Transcript:
    session: MeetingSession
    track: CaptionTrack | None
    lines: list[TranscriptLine]  # the cues shown: all of them, or those matching the search
    total: int  # cues in the track
    query: str = ""


def fold(text: str) -> str:
    """Case, accents and Arabic diacritics do not matter to the search ("Égypte" finds "egypte")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(character for character in decomposed if not unicodedata.combining(character)).casefold()


def transcript(session: MeetingSession, *, language: str = "", query: str = "", viewer=None) -> Transcript:
    """The cues of one caption track, filtered by ``query``, each with the oral statements made there.

    The search runs here rather than in SQL so that it folds case and accents the same
    way for every script on every database (SQLite folds ASCII letters only).
    """
    track = chosen_track(list(session.caption_tracks.all()), language)
    if track is None:
        return Transcript(session=session, track=None, lines=[], total=0, query=query)
    cues = list(track.cues.order_by("number"))
    statements_by_cue = _statements_by_cue(session, cues, viewer)
    lines = [TranscriptLine(cue=cue, statements=statements_by_cue.get(cue.number, [])) for cue in cues]
    needle = fold(query.strip())
    if needle:
        lines = [line for line in lines if needle in fold(f"{line.cue.speaker} {line.cue.text}")]
    return Transcript(session=session, track=track, lines=lines, total=len(cues), query=query.strip())


def cue_at(cues: list[Cue], milliseconds: int) -> Cue | None:
    """The cue being spoken at that moment, else the next one to start, else the last."""
    for cue in cues:
        if cue.start_ms <= milliseconds < cue.end_ms or cue.start_ms >= milliseconds:
            return cue
    return cues[-1] if cues else None


def _visible_statement_places(session_filter: Q, viewer, group) -> list[StatementPlace]:
    return list(StatementPlace.objects.filter(
        session_filter, response__status=Status.PUBLISHED,
        response__publication__in=visible_publications(viewer, group),
    ).select_related("response__consultation", "session").order_by("starts_at_ms", "pk"))


def _statements_by_cue(session: MeetingSession, cues: list[Cue], viewer) -> dict[int, list]:
    by_cue: dict[int, list] = {}
    for place in _visible_statement_places(Q(session=session), viewer, session.meeting.group):
        cue = cue_at(cues, place.starts_at_ms)
        if cue is not None:
            by_cue.setdefault(cue.number, []).append(place.response)
    return by_cue


@dataclass(frozen=True)
class OralStatement:
    response: Response
    session: MeetingSession | None
    cue_number: int | None  # the anchor in the session's transcript, when it has captions


def oral_statements(meeting: Meeting, *, viewer=None) -> list[OralStatement]:
    """The meeting's oral statements the viewer may read, each with its place in the transcript if recorded."""
    responses = list(Response.objects.filter(
        meeting=meeting, channel=Channel.ORAL, status=Status.PUBLISHED,
        publication__in=visible_publications(viewer, meeting.group),
    ).select_related("consultation", "transcript_place__session").order_by("received_at", "pk"))
    places = {response.pk: getattr(response, "transcript_place", None) for response in responses}
    session_ids = {place.session_id for place in places.values() if place}
    cues_by_session = _default_track_cues(session_ids)
    statements = []
    for response in responses:
        place = places[response.pk]
        cue = cue_at(cues_by_session.get(place.session_id, []), place.starts_at_ms) if place else None
        statements.append(OralStatement(
            response=response, session=place.session if place else None, cue_number=cue.number if cue else None,
        ))
    return statements


def statement_place_in_transcript(response) -> OralStatement | None:
    """Where a statement sits in its session's transcript, for a link from the statement's own page."""
    place = StatementPlace.objects.select_related("session").filter(response=response).first()
    if place is None:
        return None
    cues = _default_track_cues({place.session_id}).get(place.session_id, [])
    cue = cue_at(cues, place.starts_at_ms)
    return OralStatement(response=response, session=place.session, cue_number=cue.number if cue else None)


def _default_track_cues(session_ids: set[int]) -> dict[int, list[Cue]]:
    """The cues of the track each session's transcript opens with (in the reader's language, else the first)."""
    if not session_ids:
        return {}
    tracks: dict[int, list[CaptionTrack]] = {}
    for track in CaptionTrack.objects.filter(session_id__in=session_ids).only("pk", "session_id", "language"):
        tracks.setdefault(track.session_id, []).append(track)
    chosen = {session_id: chosen_track(session_tracks) for session_id, session_tracks in tracks.items()}
    cues: dict[int, list[Cue]] = {}
    track_session = {track.pk: session_id for session_id, track in chosen.items() if track}
    for cue in Cue.objects.filter(track_id__in=track_session).only("track_id", "number", "start_ms", "end_ms"):
        cues.setdefault(track_session[cue.track_id], []).append(cue)
    for session_cues in cues.values():
        session_cues.sort(key=lambda cue: cue.number)
    return cues
