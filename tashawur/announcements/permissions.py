"""Who may manage contact lists and send announcements: the secretariat of the group concerned."""

from tashawur.groups.models import RoleKind, WorkingGroup
from tashawur.groups.permissions import is_secretariat


def can_manage_contacts(user, group: WorkingGroup) -> bool:
    return is_secretariat(user, group)


def can_announce(user, consultation, contact_list=None) -> bool:
    """The secretariat of the consultation's group, and of the list's group when a list is used."""
    if not is_secretariat(user, consultation.group):
        return False
    return contact_list is None or is_secretariat(user, contact_list.group)


def groups_managed_by(user):
    """The groups whose lists and announcements the user manages."""
    if user is None or not user.is_authenticated or not user.is_active:
        return WorkingGroup.objects.none()
    if user.is_superuser:
        return WorkingGroup.objects.all()
    return WorkingGroup.objects.filter(roles__user=user, roles__kind=RoleKind.SECRETARIAT).distinct()
