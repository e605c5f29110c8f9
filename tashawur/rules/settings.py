"""A working group's numbers for the consultation calendar (Res. 1336 rules 2-6).

Every date rule is a rule of the group, not of the code: the defaults are the
numbers of Council Resolution 1336 as revised (seed 002), and another group sets
its own.
"""

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class RuleSettings:
    """The numbers one working group applies to its consultation cycles."""

    # Res. 1336 rule 3: the consultation opens no later than N days after the
    # close (last day) of the group meeting that chose its topic.
    launch_within_days: int = 15
    # Rule 4: responses are due N days before the first day of the physical
    # open consultation meeting.
    response_deadline_days_before: int = 30
    # Rule 5: the compiled report is published at least N days before the
    # first day of the physical open consultation meeting.
    report_days_before: int = 15
    # Rule 6: the physical meeting is held within the N days before the first
    # day of the next group meeting.
    physical_meeting_window_days: int = 3
    # Rule 2: topic proposals per member state per cycle. Not date arithmetic;
    # carried here so that a group's numbers live in one place.
    proposals_per_state: int = 1

    def __post_init__(self) -> None:
        minimums = {
            "launch_within_days": (0, "rule 3"),
            "response_deadline_days_before": (0, "rule 4"),
            "report_days_before": (0, "rule 5"),
            "physical_meeting_window_days": (1, "rule 6"),
            "proposals_per_state": (1, "rule 2"),
        }
        for field in fields(self):
            value = getattr(self, field.name)
            minimum, rule = minimums[field.name]
            # bool is an int subclass; True as "1 day" is a bug, not a setting.
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(
                    f"{field.name} ({rule}) must be a whole number, got {value!r}"
                )
            if value < minimum:
                raise ValueError(
                    f"{field.name} ({rule}) must be at least {minimum}, got {value}"
                )
