"""Template helpers for documents, and the compiled-report panel of the consultation page."""

from babel import Locale, UnknownLocaleError
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from tashawur.core.languages import LANGUAGE_NAMES, content_language
from tashawur.documents.statistics import NOT_STATED, bar_svg, swatch_svg
from tashawur.groups import permissions
from tashawur.groups.member_states import country_name
from tashawur.responses.models import Channel, StakeholderGroup

register = template.Library()
_BABEL_LOCALES = {"zh": "zh_Hans"}


@register.filter
def language_label(code: str) -> str:
    """The name of a response's language in the active language (CLDR beyond the six)."""
    if not code or code == NOT_STATED:
        return _("Language not detected")
    if code in LANGUAGE_NAMES:
        return str(LANGUAGE_NAMES[code])
    current = content_language()
    try:
        return Locale.parse(_BABEL_LOCALES.get(current, current)).languages.get(code, code)
    except (UnknownLocaleError, ValueError):
        return code


@register.filter
def country(code: str) -> str:
    return country_name(code, content_language()) if code else ""


@register.filter
def stakeholder_label(value: str) -> str:
    if not value or value == NOT_STATED:
        return _("Not stated")
    return str(StakeholderGroup(value).label) if value in StakeholderGroup.values else value


@register.filter
def channel_label(value: str) -> str:
    return str(Channel(value).label) if value in Channel.values else value


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def last_received(senders):
    return max(sender.received_on for sender in senders)


@register.filter
def senders_total(entries) -> int:
    return sum(entry.count for entry in entries)


@register.filter
def channel_swatch(channel: str):
    return mark_safe(swatch_svg(channel))


@register.filter
def bar(statistics, group: str):
    return mark_safe(bar_svg(statistics, group))


@register.inclusion_tag("documents/_consultation_report.html", takes_context=True)
def compiled_report_panel(context, consultation):
    """The current compiled report on the consultation's page, dated against rule 5."""
    from tashawur.documents.selectors import publication_summary

    request = context.get("request")
    user = getattr(request, "user", None)
    summary = publication_summary(consultation)
    language = content_language()
    current_files = []
    if summary.current:
        files = list(summary.current.files.all())
        current_files = sorted(files, key=lambda f: (f.language != language, f.language, f.format))
    return {
        "consultation": consultation,
        "summary": summary,
        "files": current_files,
        "language": language,
        "can_publish": permissions.can_manage_group(user, consultation.group) if user else False,
        "request": request,
    }
