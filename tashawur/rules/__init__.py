"""The consultation calendar of ITU Council Resolution 1336 (rules 2-6), as date arithmetic.

Pure Python, no Django: every other part of Tashawur asks this package when a
consultation opens, closes, is late or is compliant.
"""

from .checks import check_schedule
from .cycle import accepts_proposals, proposal_window
from .findings import Finding, Severity, is_compliant, violations
from .schedule import DateSpan, Schedule
from .settings import RuleSettings
from .status import (
    ConsultationStatus,
    accepts_responses,
    closes_at,
    consultation_status,
    local_date,
)
from .timeline import Timeline, expected_timeline

__all__ = [
    "ConsultationStatus",
    "DateSpan",
    "Finding",
    "RuleSettings",
    "Schedule",
    "Severity",
    "Timeline",
    "accepts_proposals",
    "accepts_responses",
    "check_schedule",
    "closes_at",
    "consultation_status",
    "expected_timeline",
    "is_compliant",
    "local_date",
    "proposal_window",
    "violations",
]
