"""Translatable sentences for the rule engine's findings, keyed by their stable code."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _, ngettext_lazy

from tashawur.rules import ConsultationStatus, Finding, Severity

SEVERITY_LABELS = {
    Severity.VIOLATION: _("Rule broken"),
    Severity.ADVICE: _("Advice"),
    Severity.UNCHECKED: _("Not checked yet"),
}

# Each entry is a whole sentence with %(expected)s, %(actual)s and %(days)d, plural by days.
_DATED = {
    "launch_late": ngettext_lazy(
        "Rule 3: the consultation opens on %(actual)s, %(days)d day after the latest launch date (%(expected)s).",
        "Rule 3: the consultation opens on %(actual)s, %(days)d days after the latest launch date (%(expected)s).",
        "days",
    ),
    "launch_before_choice": ngettext_lazy(
        "Rule 3: the consultation opens on %(actual)s, %(days)d day before the meeting that chose its topic closed (%(expected)s).",
        "Rule 3: the consultation opens on %(actual)s, %(days)d days before the meeting that chose its topic closed (%(expected)s).",
        "days",
    ),
    "launch_missing": ngettext_lazy(
        "Rule 3: the consultation should have opened by %(expected)s and has no opening date; it is %(days)d day late.",
        "Rule 3: the consultation should have opened by %(expected)s and has no opening date; it is %(days)d days late.",
        "days",
    ),
    "deadline_late": ngettext_lazy(
        "Rule 4: the response deadline is %(actual)s, %(days)d day after the latest allowed deadline (%(expected)s).",
        "Rule 4: the response deadline is %(actual)s, %(days)d days after the latest allowed deadline (%(expected)s).",
        "days",
    ),
    "deadline_before_opening": ngettext_lazy(
        "Rule 4: the response deadline (%(actual)s) is %(days)d day before the opening date (%(expected)s).",
        "Rule 4: the response deadline (%(actual)s) is %(days)d days before the opening date (%(expected)s).",
        "days",
    ),
    "report_late": ngettext_lazy(
        "Rule 5: the compiled report was published on %(actual)s, %(days)d day after it was due (%(expected)s).",
        "Rule 5: the compiled report was published on %(actual)s, %(days)d days after it was due (%(expected)s).",
        "days",
    ),
    "report_missing": ngettext_lazy(
        "Rule 5: the compiled report was due on %(expected)s and is not published; it is %(days)d day late.",
        "Rule 5: the compiled report was due on %(expected)s and is not published; it is %(days)d days late.",
        "days",
    ),
    "report_before_deadline": ngettext_lazy(
        "Rule 5 (advice): the compiled report is dated %(actual)s, %(days)d day before responses close (%(expected)s), so it cannot include them all.",
        "Rule 5 (advice): the compiled report is dated %(actual)s, %(days)d days before responses close (%(expected)s), so it cannot include them all.",
        "days",
    ),
    "physical_meeting_too_early": ngettext_lazy(
        "Rule 6: the physical meeting starts on %(actual)s, %(days)d day before its window opens (%(expected)s).",
        "Rule 6: the physical meeting starts on %(actual)s, %(days)d days before its window opens (%(expected)s).",
        "days",
    ),
    "physical_meeting_overlaps_group_meeting": ngettext_lazy(
        "Rule 6: the physical meeting ends on %(actual)s, %(days)d day too late: it must end by %(expected)s, before the group meeting.",
        "Rule 6: the physical meeting ends on %(actual)s, %(days)d days too late: it must end by %(expected)s, before the group meeting.",
        "days",
    ),
}

_UNDATED = {
    "physical_meeting_not_start_of_week": _(
        "Rule 6 (advice): the physical meeting starts on %(actual)s; the resolution prefers the start of the week."
    ),
    "remote_participation_missing": _("Rule 6: the physical meeting does not offer remote participation."),
    "webcast_missing": _("Rule 6: the physical meeting is not webcast."),
    "captioning_missing": _("Rule 6: the physical meeting has no captioning (with caption transcripts)."),
    "unchecked_launch": _("Rule 3 cannot be checked: the meeting that chose the topic is not set."),
    "unchecked_deadline": _("Rule 4 cannot be checked: the physical meeting is not set."),
    "unchecked_report": _("Rule 5 cannot be checked: the physical meeting is not set."),
    "unchecked_physical_meeting": _("Rule 6 cannot be checked: the next group meeting is not set."),
}


def _format(day) -> str:
    return date_format(day, "DATE_FORMAT") if day else "—"


def describe(finding: Finding) -> str:
    """The finding as one sentence in the active language."""
    params = {"expected": _format(finding.expected), "actual": _format(finding.actual), "days": finding.days_off}
    if finding.code in _DATED:
        return str(_DATED[finding.code] % params)
    if finding.code in _UNDATED:
        return str(_UNDATED[finding.code]) % params
    return finding.text



STATUS_LABELS = {
    ConsultationStatus.DRAFT: _("Draft"),
    ConsultationStatus.ANNOUNCED: _("Announced"),
    ConsultationStatus.OPEN: _("Open for responses"),
    ConsultationStatus.CLOSED: _("Closed"),
    ConsultationStatus.REPORT_PUBLISHED: _("Compiled report published"),
    ConsultationStatus.MEETING_HELD: _("Physical meeting held"),
}
