from django import template

from tashawur.core.languages import localized, localized_language, text_direction

register = template.Library()


@register.filter
def local(values):
    """``{{ group.name|local }}``: the text in the active language, with fallback."""
    return localized(values)


@register.filter
def local_lang(values):
    """The language of the text ``local`` picks, for a ``lang`` attribute."""
    return localized_language(values)


@register.filter
def local_dir(values):
    return text_direction(localized_language(values))
