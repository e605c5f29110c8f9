"""Who may do what in a working group. Services call these; tests cover them as a matrix."""

from tashawur.groups.models import MemberState, Role, RoleKind, WorkingGroup


def _roles(user, group: WorkingGroup):
    if user is None or not user.is_authenticated or not user.is_active:
        return Role.objects.none()
    return Role.objects.filter(user=user, group=group)


def is_secretariat(user, group: WorkingGroup) -> bool:
    if user is not None and user.is_authenticated and user.is_active and user.is_superuser:
        return True
    return _roles(user, group).filter(kind=RoleKind.SECRETARIAT).exists()


def can_manage_group(user, group: WorkingGroup) -> bool:
    """Set up meetings, cycles and consultations: the secretariat."""
    return is_secretariat(user, group)


def can_propose_topic(user, group: WorkingGroup, member_state: MemberState) -> bool:
    """A delegate of that member state in that group, or the secretariat entering it for them."""
    if is_secretariat(user, group):
        return True
    return _roles(user, group).filter(kind=RoleKind.DELEGATE, member_state=member_state).exists()


def can_record_decision(user, group: WorkingGroup) -> bool:
    """The chair or a vice-chair records what the meeting decided; the secretariat may too."""
    if is_secretariat(user, group):
        return True
    return _roles(user, group).filter(kind__in=[RoleKind.CHAIR, RoleKind.VICE_CHAIR]).exists()


def can_see_group_only_inputs(user, group: WorkingGroup) -> bool:
    """Members of the group (delegates, chairs) and the secretariat see every input."""
    return is_secretariat(user, group) or _roles(user, group).exists()
