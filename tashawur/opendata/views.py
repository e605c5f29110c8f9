"""Open data on the public site: bulk exports, the data dictionary, Atom feeds and the iCalendar feed."""

from functools import wraps

from django.conf import settings
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import conditional_page, require_safe

from tashawur.consultations.models import Consultation
from tashawur.core.languages import django_language
from tashawur.cycles.models import Question
from tashawur.groups.models import WorkingGroup
from tashawur.opendata import dictionary, exports, selectors
from tashawur.opendata.calendar import group_calendar
from tashawur.opendata.feeds import ConsultationResponsesFeed, GroupFeed

_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def in_requested_language(view):
    """``?lang=ar`` picks the language of a feed or calendar (subscribers' programs send no preference)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        wanted = django_language(request.GET.get("lang", ""))
        if wanted in _LANGUAGES:
            with translation.override(wanted):
                return view(request, *args, **kwargs)
        return view(request, *args, **kwargs)

    return wrapper


def consultation_for_export(slug: str) -> Consultation:
    try:
        return Consultation.objects.select_related("group", "topic").prefetch_related(
            Prefetch("topic__questions", queryset=Question.objects.order_by("position"))
        ).get(slug=slug)
    except Consultation.DoesNotExist:
        raise Http404 from None


def export_http_response(request, consultation: Consultation, fmt: str):
    """The export in one of ``exports.FORMATS``, streamed; the caller checked the format."""
    absolute_url = request.build_absolute_uri
    dictionary_url = absolute_url(reverse("opendata:dictionary"))
    content_type = exports.FORMATS[fmt]
    if fmt == "zip":
        response = FileResponse(
            exports.attachments_zip(consultation, absolute_url), content_type=content_type, as_attachment=True,
            filename=f"{consultation.slug}-attachments.zip",
        )
    else:
        chunks = {
            "csv": lambda: exports.csv_lines(consultation),
            "json": lambda: exports.json_chunks(consultation, dictionary_url=dictionary_url),
            "ndjson": lambda: exports.ndjson_lines(consultation),
        }[fmt]()
        response = StreamingHttpResponse(chunks, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{consultation.slug}-responses.{fmt}"'
    response["Link"] = f'<{dictionary_url}>; rel="describedby"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def export(request, slug, fmt):
    if fmt not in exports.FORMATS:
        raise Http404
    return export_http_response(request, consultation_for_export(slug), fmt)


@require_safe
@conditional_page
def data_dictionary(request):
    return render(request, "opendata/dictionary.html", {
        "fields": dictionary.FIELDS, "formats": dictionary.FORMATS,
    })


@require_safe
@conditional_page
def data_dictionary_json(request):
    return JsonResponse(dictionary.as_data(), json_dumps_params={"ensure_ascii": False})


@require_safe
@conditional_page
@in_requested_language
def calendar(request, code):
    try:
        group = selectors.group_by_code(code)
    except WorkingGroup.DoesNotExist:
        raise Http404 from None
    body = group_calendar(group, request.build_absolute_uri)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{group.code}.ics"'
    return response


group_feed = require_safe(conditional_page(in_requested_language(GroupFeed())))
consultation_feed = require_safe(conditional_page(in_requested_language(ConsultationResponsesFeed())))
