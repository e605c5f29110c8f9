from django import template

from tashawur.mandates import labels

register = template.Library()


@register.filter
def due_label(state) -> str:
    return str(labels.STATUS_LABELS[state.status])


@register.filter
def mandate_heading(mandate) -> str:
    return labels.heading(mandate)
