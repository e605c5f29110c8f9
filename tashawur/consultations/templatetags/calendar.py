from django import template

from tashawur.consultations.rule_texts import SEVERITY_LABELS, STATUS_LABELS, describe

register = template.Library()


@register.filter
def finding_text(finding):
    return describe(finding)


@register.filter
def severity_label(finding):
    return SEVERITY_LABELS[finding.severity]


@register.filter
def status_label(status):
    return STATUS_LABELS[status]
