from django import template

from tashawur.search.presentation import kind_label as _kind_label

register = template.Library()


@register.filter
def kind_label(kind: str) -> str:
    """The name of a kind of search result in the reader's language."""
    return _kind_label(kind)
