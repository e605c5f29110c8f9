from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class PositionError(TashawurError):
    code = "position_error"


class EmptyPosition(PositionError):
    code = "empty_position"
    default_message = _("Write the position: the text is empty.")


class StatementInFuture(PositionError):
    code = "statement_in_future"
    default_message = _("A position cannot be dated after today (%(today)s).")


class EarlierThanCurrent(PositionError):
    code = "earlier_than_current"
    default_message = _(
        "The current position was stated on %(current)s; a new statement supersedes it, so it cannot be dated earlier."
    )
