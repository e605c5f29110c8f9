"""Translatable words for mandates: their state, and the heading of each group of paragraphs."""

from django.utils.translation import gettext_lazy as _

from tashawur.mandates.due import DueStatus

STATUS_LABELS = {
    DueStatus.ONGOING: _("Continuing"),
    DueStatus.UPCOMING: _("Due"),
    DueStatus.OVERDUE: _("Overdue"),
    DueStatus.ANSWERED: _("Answered"),
}

# Whole phrases, as the resolutions word them, by (verb, addressee).
_HEADINGS = {
    ("instructs", "secretary_general"): _("instructs the Secretary-General"),
    ("instructs", "working_group"): _("instructs the working group %(group)s"),
    ("encourages", "member_states"): _("encourages Member States"),
    ("encourages", "members"): _("encourages Members"),
    ("invites", "member_states"): _("invites Member States"),
    ("invites", "members"): _("invites Members"),
    ("invites", "secretary_general"): _("invites the Secretary-General"),
    ("encourages", "working_group"): _("encourages the working group %(group)s"),
}


def heading(mandate) -> str:
    template = _HEADINGS.get((mandate.verb, mandate.addressee))
    if template is None:
        return f"{mandate.get_verb_display()} {mandate.get_addressee_display()}"
    return str(template) % {"group": mandate.group.code if mandate.group_id else ""}
