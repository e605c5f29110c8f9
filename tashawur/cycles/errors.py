from django.utils.translation import gettext_lazy as _, ngettext_lazy

from tashawur.core.errors import TashawurError


class CycleError(TashawurError):
    code = "cycle_error"


class ProposalLimitReached(CycleError):
    code = "proposal_limit_reached"
    default_message = ngettext_lazy(
        "The member state %(state)s has already made its %(limit)d topic proposal for this cycle. "
        "Resolution 1336 limits each member state's proposals so that the group chooses among a few clear options.",
        "The member state %(state)s has already made its %(limit)d topic proposals for this cycle. "
        "Resolution 1336 limits each member state's proposals so that the group chooses among a few clear options.",
        "limit",
    )


class ProposalsNotOpen(CycleError):
    code = "proposals_not_open"
    default_message = _(
        "Topic proposals for this cycle are accepted from %(opens)s until %(closes)s; today is %(today)s."
    )


class NotAMember(CycleError):
    code = "not_a_member"
    default_message = _("The member state %(state)s is not a member of %(group)s, so it cannot propose a topic.")


class InvalidDecision(CycleError):
    code = "invalid_decision"
