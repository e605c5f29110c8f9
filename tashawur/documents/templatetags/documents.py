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


FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: a Latin name keeps its order in Arabic text


def entry_meta_parts(entry, *, isolate: bool = False) -> list[str]:
    """Organisation, country, group, channel, date, language and receipt of an entry, in the active language."""
    from django.utils.formats import date_format

    sender = entry.sender

    def iso(text):
        return f"{FSI}{text}{PDI}" if isolate and text else text

    if entry.is_identical_group:
        last = max(s.received_on for s in entry.senders)
        return [
            _("received from %(first)s to %(last)s") % {
                "first": date_format(sender.received_on, "DATE_FORMAT"), "last": date_format(last, "DATE_FORMAT"),
            },
            language_label(sender.language),
        ]
    parts = [
        iso(sender.organisation) if sender.name else "", country(sender.country),
        stakeholder_label(sender.stakeholder_group), channel_label(sender.channel),
        date_format(sender.received_on, "DATE_FORMAT"), language_label(sender.language), iso(sender.receipt_number),
    ]
    return [part for part in parts if part]


@register.filter
def entry_meta(entry) -> str:
    """One line of text, not one element per item: a 10,000-response PDF lays out a third faster."""
    return " · ".join(entry_meta_parts(entry, isolate=True))


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
