from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from tashawur.core.languages import text_direction
from tashawur.meetings import selectors
from tashawur.meetings.calendar import meeting_location
from tashawur.meetings.webvtt import format_timestamp

register = template.Library()


@register.filter
def timestamp(milliseconds: int) -> str:
    """``62500`` -> ``00:01:02``: the time of a cue, as people read it."""
    return format_timestamp(milliseconds, with_millis=False)


@register.filter
def iso_duration(milliseconds: int) -> str:
    """``62500`` -> ``PT62.5S``, for the ``datetime`` attribute of ``<time>``."""
    return f"PT{_decimal_seconds(milliseconds)}S"


@register.filter
def seconds(milliseconds: int) -> str:
    """``62500`` -> ``62.5``, for a media fragment (``#t=62.5``)."""
    return _decimal_seconds(milliseconds)


@register.filter
def meeting_days(meeting) -> str:
    """"13 October 2016", or "13 October 2016 to 14 October 2016", in the active language."""
    first = formats.date_format(meeting.starts_on, "DATE_FORMAT")
    if meeting.ends_on == meeting.starts_on:
        return first
    last = formats.date_format(meeting.ends_on, "DATE_FORMAT")
    return _("%(first)s to %(last)s") % {"first": first, "last": last}


@register.inclusion_tag("meetings/_statement_in_transcript.html")
def statement_in_transcript(response):
    """``{% statement_in_transcript response %}``: a link from an oral statement to its place in the transcript."""
    return {"place": selectors.statement_place_in_transcript(response)}


@register.filter
def location(meeting) -> str:
    """The external event, venue and city, as far as they are known."""
    return meeting_location(meeting)


@register.filter
def language_dir(language: str) -> str:
    """``"ar"`` -> ``"rtl"``: the direction of text in a language (a content key)."""
    return text_direction(language)


def _decimal_seconds(milliseconds: int) -> str:
    """``62500`` -> ``62.5``; ``8000`` -> ``8``: exact to the millisecond."""
    whole, millis = divmod(int(milliseconds), 1000)
    return f"{whole}.{millis:03d}".rstrip("0").rstrip(".") if millis else str(whole)
