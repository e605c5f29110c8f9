from django.contrib import admin, messages
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from tashawur.consultations.models import Consultation, RuleFinding
from tashawur.consultations.rule_texts import STATUS_LABELS, describe
from tashawur.consultations.selectors import consultation_calendar
from tashawur.consultations.services import record_findings
from tashawur.rules import Severity


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["slug", "localized_title", "group", "opens_on", "response_deadline", "status", "rules_broken"]
    list_filter = ["group"]
    search_fields = ["slug"]
    autocomplete_fields = ["topic"]
    readonly_fields = ["calendar"]
    fieldsets = [
        (None, {"fields": ["group", "topic", "slug", "background"]}),
        (
            _("Schedule"),
            {"fields": ["chosen_at", "announced_on", "opens_on", "response_deadline", "physical_meeting",
                        "report_published_on", "feeds_meeting"]},
        ),
        (_("Timeline and rules"), {"fields": ["calendar"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(
            "group", "topic", "chosen_at", "feeds_meeting", "physical_meeting"
        )

    @admin.display(description=_("title"))
    def localized_title(self, obj):
        return obj.display_title()

    @admin.display(description=_("status"))
    def status(self, obj):
        return STATUS_LABELS[consultation_calendar(obj).status]

    @admin.display(description=_("rules broken"))
    def rules_broken(self, obj):
        return len(consultation_calendar(obj).violations)

    @admin.display(description=_("computed timeline"))
    def calendar(self, obj):
        if not obj.pk:
            return _("Save the consultation to see its timeline.")
        return render_to_string("consultations/_calendar.html", {"calendar": consultation_calendar(obj), "consultation": obj})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        findings = record_findings(consultation=obj, actor=request.user)
        for finding in findings:
            if finding.severity == Severity.VIOLATION:
                messages.warning(request, describe(finding))
            elif finding.severity == Severity.ADVICE:
                messages.info(request, describe(finding))


@admin.register(RuleFinding)
class RuleFindingAdmin(admin.ModelAdmin):
    list_display = ["consultation", "rule", "code", "severity", "expected", "actual", "days_off", "detected_at", "resolved_at"]
    list_filter = ["severity", "rule", "consultation__group"]
    readonly_fields = [field.name for field in RuleFinding._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
