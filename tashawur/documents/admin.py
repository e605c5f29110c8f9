"""The secretariat's pages: attendance, chair's reports, and publishing the compiled report with progress."""

from django.contrib import admin, messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _, gettext_lazy

from tashawur.consultations.models import Consultation
from tashawur.core.errors import TashawurError
from tashawur.documents import services
from tashawur.documents.builders import CONTENT_TYPES, render_chair_report
from tashawur.documents.chair import chair_report_data
from tashawur.documents.forms import PublishReportForm
from tashawur.documents.models import (
    LANGUAGE_CHOICES, AttendanceSheet, ChairReport, Format, MeetingAttendance, PublicationState, ReportVersion,
)
from tashawur.documents.progress import stage_label
from tashawur.groups.models import WorkingGroup
from tashawur.groups.permissions import can_manage_group
from tashawur.meetings.models import MeetingKind


class MeetingAttendanceInline(admin.TabularInline):
    model = MeetingAttendance
    extra = 3
    autocomplete_fields = ["member_state"]


@admin.register(AttendanceSheet)
class AttendanceSheetAdmin(admin.ModelAdmin):
    """Which member states attended each group meeting (facts for the chair's report)."""

    list_display = ["__str__", "group", "starts_on", "attended"]
    list_filter = ["group"]
    fields = ["group", "number", "starts_on", "ends_on", "city"]
    readonly_fields = fields
    inlines = [MeetingAttendanceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(kind=MeetingKind.GROUP).select_related("group")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("member states present"))
    def attended(self, obj):
        return obj.attendance.count()


@admin.register(ChairReport)
class ChairReportAdmin(admin.ModelAdmin):
    """The narrative of a chair's report; the facts are filled in when it is downloaded."""

    list_display = ["__str__", "group", "issued_on", "chair_name"]
    list_filter = ["group"]
    filter_horizontal = ["meetings"]
    autocomplete_fields = ["chair_member_state"]
    readonly_fields = ["downloads"]
    fieldsets = [
        (None, {"fields": ["group", "meetings", "symbol", "issued_on", "chair_name", "chair_member_state"]}),
        (gettext_lazy("Narrative"), {"fields": ["summary", "action_required", "references", "introduction",
                                                "conclusions", "acknowledgements"]}),
        (gettext_lazy("Download"), {"fields": ["downloads"]}),
    ]

    def get_urls(self):
        return [
            path("<int:pk>/download/<str:language>.<str:file_format>", self.admin_site.admin_view(self.download),
                 name="documents_chairreport_download"),
        ] + super().get_urls()

    @admin.display(description=gettext_lazy("chair's report"))
    def downloads(self, obj):
        if not obj.pk:
            return _("Save the report to download it.")
        links = [
            (reverse("admin:documents_chairreport_download", args=[obj.pk, code, fmt]), f"{name} ({fmt.upper()})")
            for code, name in LANGUAGE_CHOICES for fmt in Format.values
        ]
        return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', links))

    def download(self, request, pk, language, file_format):
        report = get_object_or_404(ChairReport, pk=pk)
        if language not in dict(LANGUAGE_CHOICES) or file_format not in Format.values:
            raise Http404
        if not can_manage_group(request.user, report.group):
            raise Http404
        try:
            data = render_chair_report(chair_report_data(report, language=language), file_format)
        except TashawurError as error:
            messages.error(request, error.message)
            return redirect("admin:documents_chairreport_change", pk)
        response = HttpResponse(data, content_type=CONTENT_TYPES[file_format])
        disposition = "attachment" if file_format == Format.DOCX else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="chair-report-{pk}-{language}.{file_format}"'
        return response


@admin.register(ReportVersion)
class ReportVersionAdmin(admin.ModelAdmin):
    """Published versions of compiled reports; new ones through "Publish the compiled report"."""

    change_list_template = "documents/admin/reportversion_changelist.html"
    list_display = ["consultation", "edition", "version", "state", "progress_bar", "published_at", "response_count"]
    list_filter = ["state", "edition", "consultation__group"]
    readonly_fields = [f.name for f in ReportVersion._meta.fields] + ["file_links"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("publish/", self.admin_site.admin_view(self.publish), name="documents_reportversion_publish"),
            path("<int:pk>/progress/", self.admin_site.admin_view(self.progress), name="documents_reportversion_progress"),
        ] + super().get_urls()

    @admin.display(description=gettext_lazy("progress"))
    def progress_bar(self, obj):
        return format_html('<progress max="100" value="{}">{} %</progress> <a href="{}">{}</a>', obj.progress,
                           obj.progress, reverse("admin:documents_reportversion_progress", args=[obj.pk]),
                           stage_label(obj))

    @admin.display(description=gettext_lazy("files"))
    def file_links(self, obj):
        links = (
            (reverse("documents:report-file", args=[obj.consultation.slug, obj.edition, obj.version, f.language,
                                                    f.format]), f.filename, f.sha256)
            for f in obj.files.all()
        )
        return format_html_join("", '<p><a href="{}">{}</a> <code>{}</code></p>', links)

    def _consultations(self, request):
        groups = [g.pk for g in WorkingGroup.objects.all() if can_manage_group(request.user, g)]
        return Consultation.objects.filter(group__in=groups).select_related("topic", "group")

    def publish(self, request):
        """The secretariat's one click: choose the options, queue the task, watch its progress."""
        initial = {"consultation": request.GET.get("consultation")}
        form = PublishReportForm(request.POST or None, initial=initial, consultations=self._consultations(request))
        if request.method == "POST" and form.is_valid():
            try:
                version = services.request_publication(actor=request.user, **form.cleaned_data)
            except TashawurError as error:
                form.add_error(None, error.message)
            else:
                return redirect("admin:documents_reportversion_progress", version.pk)
        context = {**self.admin_site.each_context(request), "form": form, "opts": self.model._meta,
                   "title": _("Publish the compiled report")}
        return TemplateResponse(request, "documents/admin/publish.html", context)

    def progress(self, request, pk):
        version = get_object_or_404(ReportVersion.objects.select_related("consultation__group"), pk=pk)
        if not can_manage_group(request.user, version.consultation.group):
            raise Http404
        published = (
            date_format(version.published_at, "DATETIME_FORMAT") if version.state == PublicationState.PUBLISHED else ""
        )
        context = {
            **self.admin_site.each_context(request), "version": version, "opts": self.model._meta,
            "stage": stage_label(version), "files": list(version.files.all()), "published": published,
            "title": _("Compiled report, version %(version)s") % {"version": version.version},
            "refresh": not version.is_finished,
        }
        return TemplateResponse(request, "documents/admin/progress.html", context)
