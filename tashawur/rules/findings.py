"""What a schedule check reports: findings as data, not exceptions.

A schedule that breaks a rule is reported clearly (which rule, by how many
days) rather than silently accepted or silently "fixed" (MISSION.md).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Severity(StrEnum):
    # The schedule breaks a rule of the resolution.
    VIOLATION = "violation"
    # The schedule keeps the rules but departs from a preference or common sense.
    ADVICE = "advice"
    # The rule cannot be checked yet: an anchor meeting is not set.
    UNCHECKED = "unchecked"


@dataclass(frozen=True)
class Finding:
    """One thing the secretariat should know about a schedule.

    `code` is stable and is what the Django layer translates; `text` is a plain
    English fallback for logs and the command line. `days_off` is how many
    calendar days `actual` misses `expected` by (0 for findings that are not
    about a date).
    """

    rule: int
    code: str
    severity: Severity
    expected: date | None
    actual: date | None
    days_off: int
    text: str

    def __str__(self) -> str:
        return self.text


def violations(findings: Iterable[Finding]) -> list[Finding]:
    """Only the findings that break a rule (not advice, not unchecked)."""
    return [finding for finding in findings if finding.severity is Severity.VIOLATION]


def is_compliant(findings: Iterable[Finding]) -> bool:
    """True when no finding breaks a rule; advice and unchecked rules do not count."""
    return not violations(findings)


def days_between(earlier: date, later: date) -> int:
    """Calendar days from `earlier` to `later` (positive when later is after)."""
    return (later - earlier).days


def plural_days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"
