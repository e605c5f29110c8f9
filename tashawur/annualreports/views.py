from django.http import Http404, HttpResponse
from django.shortcuts import render

from tashawur.annualreports.models import AnnualReport
from tashawur.annualreports.render import CONTENT_TYPES, FORMATS, render as render_report
from tashawur.annualreports.selectors import annual_report_facts
from tashawur.core.languages import AUTONYMS, CONTENT_LANGUAGES
from tashawur.groups.models import WorkingGroup


def report_list(request):
    reports = AnnualReport.objects.select_related("group").order_by("group__code", "-first_year")
    return render(request, "annualreports/list.html", {
        "reports": reports, "formats": FORMATS,
        "report_languages": [(code, AUTONYMS[code]) for code in CONTENT_LANGUAGES],
    })


def report_file(request, code, first_year, last_year, language, file_format):
    """The annual report built now from the records, in one language and format."""
    group = WorkingGroup.objects.filter(code=code).first()
    first_year, last_year = int(first_year), int(last_year)
    if group is None or not 1990 <= first_year <= last_year <= 2100 or last_year - first_year > 4:
        raise Http404
    facts = annual_report_facts(group, first_year, last_year)
    response = HttpResponse(render_report(facts, language, file_format), content_type=CONTENT_TYPES[file_format])
    if file_format != "html":
        name = f"annual-report-{group.code}-{facts.span_label.replace(chr(0x2013), '-')}-{language}.{file_format}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
