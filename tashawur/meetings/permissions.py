"""Who may do what around a meeting; services call these, tests cover them as a matrix."""

from tashawur.groups import permissions as group_permissions
from tashawur.meetings.models import LinksVisibility, Meeting, Registration, RegistrationStatus


def can_manage_meeting(user, meeting: Meeting) -> bool:
    """Sessions, captions, capacity, oral statements' places: the group's secretariat."""
    return group_permissions.can_manage_group(user, meeting.group)


def links_are_public(meeting: Meeting) -> bool:
    """The secretariat chose to show the remote participation and webcast links to everyone."""
    return meeting.links_visibility == LinksVisibility.PUBLIC


def can_see_remote_participation_link(meeting: Meeting, registration: Registration | None) -> bool:
    """Everyone when the links are public; otherwise a registrant whose place is confirmed (places are counted)."""
    if links_are_public(meeting):
        return True
    return registration is not None and registration.status == RegistrationStatus.CONFIRMED


def can_see_webcast_link(meeting: Meeting, registration: Registration | None) -> bool:
    """Everyone when the links are public; otherwise any registrant still registered, waiting ones included."""
    if links_are_public(meeting):
        return True
    return registration is not None and registration.status != RegistrationStatus.CANCELLED
