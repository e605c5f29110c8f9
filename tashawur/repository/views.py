"""Public pages of the repository: browse and filter, one entry, contribute, export, files."""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tashawur.policy.models import PolicyIssue
from tashawur.repository import export, selectors
from tashawur.repository.errors import InvalidEntry
from tashawur.repository.forms import ContributionForm, EntryFilterForm
from tashawur.repository.models import EntryFile, EntryStatus, RepositoryEntry
from tashawur.repository.services import contribute_entry
from tashawur.responses.ratelimit import client_address
from tashawur.responses.views_public import attachment_response

log = logging.getLogger(__name__)
ENTRIES_PER_PAGE = 50


def _filter_form(request) -> EntryFilterForm:
    issues = PolicyIssue.objects.order_by("position", "slug")
    return EntryFilterForm(request.GET, issues=issues, choices=selectors.filter_choices())


def entry_list(request):
    form = _filter_form(request)
    filters = form.filters()
    page = Paginator(selectors.published_entries(filters), ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "repository/list.html", {
        "form": form, "page": page, "filtered": any(value for value in vars(filters).values()),
        "query": request.GET.urlencode(),
    })


def entry_detail(request, pk):
    try:
        entry = selectors.published_entry(pk)
    except RepositoryEntry.DoesNotExist:
        raise Http404 from None
    return render(request, "repository/detail.html", {"entry": entry})


def entry_export(request, fmt):
    """The filtered list as JSON or CSV (published entries only)."""
    entries = selectors.published_entries(_filter_form(request).filters())
    if fmt == "json":
        body, content_type = export.as_json(entries, absolute_url=request.build_absolute_uri), "application/json"
    else:
        body, content_type = export.as_csv(entries, absolute_url=request.build_absolute_uri), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="repository.{fmt}"'
    return response


def entry_file(request, pk, file_pk, filename):
    stored = EntryFile.objects.select_related("entry").filter(
        pk=file_pk, entry_id=pk, entry__status=EntryStatus.PUBLISHED,
    ).first()
    if stored is None:
        raise Http404
    return attachment_response(stored)


@never_cache
@require_http_methods(["GET", "POST"])
def contribute(request):
    """A stakeholder's experience or best practice, kept for the secretariat's moderation (rule 9)."""
    if request.method == "GET":
        return render(request, "repository/contribute.html", {"form": ContributionForm()})
    form = ContributionForm(request.POST, request.FILES)
    if form.honeypot_filled:
        log.warning("repository honeypot filled client=%s", client_address(request.META, proxies=settings.TRUSTED_PROXY_COUNT))
        return render(request, "repository/contributed.html", {"created": True})
    if not form.is_valid():
        return render(request, "repository/contribute.html", {"form": form}, status=400)
    try:
        entry, created = contribute_entry(contribution=form.contribution())
    except InvalidEntry as refusal:
        form.add_error(None, refusal.message)
        return render(request, "repository/contribute.html", {"form": form}, status=400)
    log.info("repository entry received entry=%s created=%s", entry.pk, created)
    return render(request, "repository/contributed.html", {"created": created, "entry": entry})
