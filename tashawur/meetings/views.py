"""Public pages of meetings, the registration form, the registrant's own pages, sessions and transcripts.

A registrant's secret link changes nothing on GET (mail scanners open links before
people do): cancelling is a POST behind a button. Pages under that link are not cached,
not indexed, and send no Referer, so the token does not leak to the webcast's site.
"""

import logging

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from tashawur.core.languages import CONTENT_LANGUAGES, content_language
from tashawur.meetings import selectors
from tashawur.meetings.calendar import meeting_calendar
from tashawur.meetings.errors import AlreadyRegistered, AttendanceNotOffered, RegistrationClosed
from tashawur.meetings.forms import RegistrationForm
from tashawur.meetings.models import CaptionTrack, Meeting, MeetingSession
from tashawur.meetings.services import cancel_registration, register_for_meeting
from tashawur.responses.forms import country_choices

log = logging.getLogger(__name__)


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _meeting(meeting_id: int) -> Meeting:
    try:
        return selectors.meeting_for_page(meeting_id)
    except Meeting.DoesNotExist:
        raise Http404 from None


@require_GET
def meeting_list(request):
    upcoming, past = selectors.meetings_for_list()
    return render(request, "meetings/list.html", {"upcoming": upcoming, "past": past})


@require_GET
def meeting_detail(request, meeting_id):
    meeting = _meeting(meeting_id)
    return render(request, "meetings/detail.html", {
        "meeting": meeting, "places": selectors.places(meeting), "links": selectors.meeting_links(meeting),
        "registration_open": selectors.registration_is_open(meeting), "sessions": meeting.sessions.all(),
        "consultations": meeting.consultations_held.all(),
    })


@require_GET
def meeting_ics(request, meeting_id):
    meeting = _meeting(meeting_id)
    response = HttpResponse(meeting_calendar(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, meeting_id):
    """The form (GET) and the registration (POST): a place, or a place on the waiting list."""
    meeting = _meeting(meeting_id)
    if not selectors.registration_is_open(meeting):
        return render(request, "meetings/register_closed.html", {"meeting": meeting},
                      status=403 if request.method == "POST" else 200)
    if request.method == "GET":
        return _form_page(request, meeting, RegistrationForm(meeting=meeting))
    form = RegistrationForm(request.POST, meeting=meeting)
    if not form.is_valid():
        return _form_page(request, meeting, form, status=400)
    try:
        result = register_for_meeting(details=form.details())
    except RegistrationClosed:
        return render(request, "meetings/register_closed.html", {"meeting": meeting}, status=403)
    except AlreadyRegistered as refusal:
        form.add_error("email", refusal.message)
        return _form_page(request, meeting, form, status=409)
    except AttendanceNotOffered as refusal:
        form.add_error("attendance", refusal.message)
        return _form_page(request, meeting, form, status=400)
    registration = result.registration
    return render(request, "meetings/registered.html", {
        "meeting": meeting, "registration": registration, "created": result.created,
        "position": selectors.waiting_position(registration),
    })


def _form_page(request, meeting, form, *, status=200):
    return render(request, "meetings/register.html", {
        "meeting": meeting, "form": form, "places": selectors.places(meeting),
    }, status=status)


def _own_registration(meeting_id, registration_id, token):
    registration = selectors.registration_for_link(meeting_id, registration_id, token)
    if registration is None:
        raise Http404
    return registration


@never_cache
@require_GET
def registration_own(request, meeting_id, registration_id, token):
    """The registrant's page: status, place on the waiting list, the meeting's links, and the way to cancel."""
    registration = _own_registration(meeting_id, registration_id, token)
    meeting = registration.meeting
    return _private(render(request, "meetings/registration.html", {
        "meeting": meeting, "registration": registration, "token": token,
        "position": selectors.waiting_position(registration),
        "links": selectors.meeting_links(meeting, registration),
        "country_name": dict(country_choices(content_language())).get(registration.country, registration.country),
    }))


@never_cache
@require_http_methods(["GET", "POST"])
def registration_cancel(request, meeting_id, registration_id, token):
    """GET asks "are you sure?"; POST cancels, and the first person waiting gets the place."""
    registration = _own_registration(meeting_id, registration_id, token)
    if request.method == "GET":
        return _private(render(request, "meetings/cancel.html", {
            "meeting": registration.meeting, "registration": registration, "token": token,
        }))
    if cancel_registration(registration=registration):
        messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
    return redirect("registration-own", meeting_id, registration_id, token)


# --- sessions and transcripts -----------------------------------------------------------------

def _session(meeting_id, session_id) -> MeetingSession:
    try:
        return selectors.session_for_page(meeting_id, session_id)
    except MeetingSession.DoesNotExist:
        raise Http404 from None


def _start_seconds(value: str | None) -> str:
    """A ``?t=`` start time for the player, as the media fragment ``#t=`` reads it, or ""."""
    try:
        seconds = float(value or "")
    except ValueError:
        return ""
    if not 0 <= seconds < 10**6:
        return ""
    return f"{seconds:.3f}".rstrip("0").rstrip(".")


@require_GET
def session_detail(request, meeting_id, session_id):
    """The recording with its captions in an HTML5 player; ``?t=`` starts it at a moment (no script needed)."""
    session = _session(meeting_id, session_id)
    tracks = list(session.caption_tracks.all())
    return render(request, "meetings/session.html", {
        "meeting": session.meeting, "session": session, "tracks": tracks,
        "default_track": selectors.chosen_track(tracks), "start": _start_seconds(request.GET.get("t")),
    })


@require_GET
def session_transcript(request, meeting_id, session_id):
    """The captions as a page: every cue with its time as an anchor, searchable on the server."""
    session = _session(meeting_id, session_id)
    query = request.GET.get("q", "")[:200]
    transcript = selectors.transcript(
        session, language=request.GET.get("lang", ""), query=query, viewer=request.user,
    )
    return render(request, "meetings/transcript.html", {
        "meeting": session.meeting, "session": session, "transcript": transcript,
        "tracks": list(session.caption_tracks.all()),
    })


@require_GET
def session_captions(request, meeting_id, session_id, language):
    """The WebVTT file of a ``<track>`` element."""
    if language not in CONTENT_LANGUAGES:
        raise Http404
    session = _session(meeting_id, session_id)
    try:
        track = selectors.caption_track(session, language)
    except CaptionTrack.DoesNotExist:
        raise Http404 from None
    response = HttpResponse(track.vtt, content_type="text/vtt; charset=utf-8")
    response["Content-Language"] = language
    return response


@require_GET
def meeting_statements(request, meeting_id):
    """The oral statements made at the meeting, each linked to its place in the transcript."""
    meeting = _meeting(meeting_id)
    return render(request, "meetings/statements.html", {
        "meeting": meeting, "statements": selectors.oral_statements(meeting, viewer=request.user),
    })
