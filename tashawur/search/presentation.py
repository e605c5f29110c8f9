"""Labels for search results and facets in the reader's language, and the links that toggle a facet."""

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from tashawur.core.languages import localized
from tashawur.responses.models import Channel, StakeholderGroup
from tashawur.responses.templatetags.response_display import language_label
from tashawur.search.models import DocumentKind

FACET_TITLES = {
    "kind": _("Kind"),
    "group": _("Working group"),
    "consultation": _("Consultation"),
    "stakeholder_group": _("Stakeholder group"),
    "language": _("Language"),
    "channel": _("Channel"),
    "year": _("Year"),
}


@dataclass(frozen=True)
class FacetLink:
    label: str
    count: int
    query: str  # the query string that selects (or, when selected, removes) this value
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    title: str
    links: list[FacetLink]


def facet_label(name: str, value: str, results) -> str:
    if name == "kind":
        return str(dict(DocumentKind.choices).get(value, value))
    if name == "group":
        return localized(results.group_names.get(value)) or value
    if name == "consultation":
        return results.consultation_titles.get(value, value)
    if name == "stakeholder_group":
        return str(dict(StakeholderGroup.choices).get(value, value))
    if name == "channel":
        return str(dict(Channel.choices).get(value, value))
    if name == "language":
        return language_label(value)
    return value


def facet_groups(results, params: QueryDict) -> list[FacetGroup]:
    groups = []
    for name, values in results.facets.items():
        links = []
        for facet in values:
            selected = params.get(name) == facet.value
            changed = params.copy()
            changed.pop("page", None)
            if selected:
                changed.pop(name, None)
            else:
                changed[name] = facet.value
            links.append(FacetLink(facet_label(name, facet.value, results), facet.count, changed.urlencode(), selected))
        if links:
            groups.append(FacetGroup(name, str(FACET_TITLES[name]), links))
    return groups


def kind_label(kind: str) -> str:
    return str(dict(DocumentKind.choices).get(kind, kind))
