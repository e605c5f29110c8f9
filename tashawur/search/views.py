"""The public search page: a GET form, results with highlighted snippets, and facets as links."""

from django import forms
from django.http import QueryDict
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from tashawur.search import selectors
from tashawur.search.presentation import facet_groups


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=500)
    kind = forms.CharField(required=False, max_length=20)
    group = forms.CharField(required=False, max_length=40)
    consultation = forms.CharField(required=False, max_length=80)
    stakeholder_group = forms.CharField(required=False, max_length=30)
    language = forms.CharField(required=False, max_length=8)
    channel = forms.CharField(required=False, max_length=10)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2999)
    page = forms.IntegerField(required=False, min_value=1, max_value=1000)

    def filters(self) -> selectors.SearchFilters:
        data = self.cleaned_data if self.is_valid() else {}
        names = ("kind", "group", "consultation", "stakeholder_group", "language", "channel")
        return selectors.SearchFilters(**{name: data.get(name) or "" for name in names}, year=data.get("year"))


def search_page(request):
    form = SearchForm(request.GET)
    filters = form.filters()
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    page = (form.cleaned_data.get("page") if form.is_valid() else None) or 1
    results = selectors.search(query, filters=filters, page=page)
    params = QueryDict(mutable=True)
    params.update({"q": query, **{name: str(value) for name, value in filters.active().items()}})
    return render(request, "search/search.html", {
        "form": form, "results": results, "filters": filters.active(),
        "facet_groups": facet_groups(results, params),
        "next_page": _with(params, page=page + 1) if results.has_next else "",
        "previous_page": _with(params, page=page - 1) if page > 1 else "",
    })


def _with(params: QueryDict, **changes) -> str:
    copy = params.copy()
    for name, value in changes.items():
        copy[name] = str(value)
    return copy.urlencode()
