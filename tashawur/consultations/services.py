"""Actions on consultations: saving a schedule records the rules it breaks."""

from django.db import transaction
from django.utils import timezone

from tashawur.consultations.models import Consultation, RuleFinding
from tashawur.consultations.selectors import consultation_calendar
from tashawur.core.errors import NotAllowed
from tashawur.groups import permissions
from tashawur.rules import Finding


def save_consultation(*, actor, consultation: Consultation) -> list[Finding]:
    """Validate and save a consultation, then record what the rule engine finds.

    Res. 1336 rules 3–6: a schedule that breaks a rule is saved as the
    secretariat set it (nothing is silently fixed); each breach is recorded
    and returned so the caller can warn.
    """
    if not permissions.can_manage_group(actor, consultation.group):
        raise NotAllowed()
    consultation.full_clean()
    with transaction.atomic(durable=True):
        consultation.save()
        return record_findings(consultation=consultation, actor=actor)


def record_findings(*, consultation: Consultation, actor=None) -> list[Finding]:
    """Bring the recorded findings in line with the current schedule (inside a transaction).

    New findings are added; those that no longer apply are marked resolved;
    a finding whose dates changed is resolved and recorded anew.
    """
    findings = consultation_calendar(consultation).findings
    now = timezone.now()
    open_rows = {
        row.code: row
        for row in RuleFinding.objects.select_for_update().filter(consultation=consultation, resolved_at__isnull=True)
    }
    current = {finding.code: finding for finding in findings}
    for code, row in open_rows.items():
        finding = current.get(code)
        if finding is None or (row.expected, row.actual) != (finding.expected, finding.actual):
            row.resolved_at = now
            row.save(update_fields=["resolved_at"])
        elif row.days_off != finding.days_off:  # a missing date grows later day by day
            row.days_off = finding.days_off
            row.save(update_fields=["days_off"])
    still_open = {row.code for row in open_rows.values() if row.resolved_at is None}
    for code, finding in current.items():
        if code in still_open:
            continue
        RuleFinding.objects.create(
            consultation=consultation, rule=finding.rule, code=finding.code, severity=str(finding.severity),
            expected=finding.expected, actual=finding.actual, days_off=finding.days_off, detected_by=actor,
        )
    return findings
