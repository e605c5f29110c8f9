"""Who may state a member state's position (Res. 1336 rule 10), checked by the services and tested as a matrix.

A delegate of that member state in a group that handles the issue (or whose
consultation topic it is), or that group's secretariat entering it for them.
"""

from django.db.models import Q

from tashawur.groups.models import MemberState, Role, RoleKind


def _groups(issue=None, topic=None):
    if issue is not None:
        return issue.groups.all()
    return [topic.group_id]


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_state_position(user, member_state: MemberState, *, issue=None, topic=None) -> bool:
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    return Role.objects.filter(user=user, group__in=_groups(issue, topic)).filter(
        Q(kind=RoleKind.SECRETARIAT) | Q(kind=RoleKind.DELEGATE, member_state=member_state)
    ).exists()


def states_user_speaks_for(user, *, issue=None, topic=None) -> set[str]:
    """ISO codes of the states whose position on the subject the user may write; "*" for every state."""
    if not _active(user):
        return set()
    if user.is_superuser:
        return {"*"}
    roles = Role.objects.filter(user=user, group__in=_groups(issue, topic)).values_list("kind", "member_state__code")
    codes = set()
    for kind, code in roles:
        if kind == RoleKind.SECRETARIAT:
            return {"*"}
        if kind == RoleKind.DELEGATE:
            codes.add(code)
    return codes
