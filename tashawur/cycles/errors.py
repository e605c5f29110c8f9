from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class CycleError(TashawurError):
    code = "cycle_error"


class ProposalLimitReached(CycleError):
    code = "proposal_limit_reached"
    default_message = _(
        "%(state)s has already proposed a topic in this cycle. Resolution 1336 lets each member state "
        "propose one topic only for the next consultation, so that the group chooses among a few clear options."
    )


class ProposalsNotOpen(CycleError):
    code = "proposals_not_open"
    default_message = _(
        "Topic proposals for this cycle are accepted from %(opens)s until %(closes)s; today is %(today)s."
    )


class NotAMember(CycleError):
    code = "not_a_member"
    default_message = _("%(state)s is not a member of %(group)s, so it cannot propose a topic.")


class InvalidDecision(CycleError):
    code = "invalid_decision"
