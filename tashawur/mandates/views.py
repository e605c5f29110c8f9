from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format

from tashawur.groups.models import WorkingGroup
from tashawur.mandates import selectors


def due(request):
    """What is due and what is overdue, computed for today."""
    group = WorkingGroup.objects.filter(code=request.GET.get("group", "")).first()
    return render(request, "mandates/due.html", {
        "board": selectors.due_board(group=group), "group": group,
        "groups": WorkingGroup.objects.order_by("code"), "resolutions": selectors.resolutions(),
    })


def resolution_detail(request, body, number):
    resolution = selectors.resolutions().filter(body=body, number=number).first()
    if resolution is None:
        raise Http404
    today = timezone.localdate()
    return render(request, "mandates/resolution.html", {
        "resolution": resolution, "statuses": selectors.mandate_statuses(resolution=resolution, today=today),
        "session_day": date_format(resolution.session.in_year(today.year), "MONTH_DAY_FORMAT"),
    })
