from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tashawur.policy.models import ConsultationIssue, PolicyIssue, ResponseIssue


class ConsultationIssueInline(admin.TabularInline):
    model = ConsultationIssue
    extra = 0
    raw_id_fields = ["consultation"]
    verbose_name_plural = _("consultations tagged with this issue")


@admin.register(PolicyIssue)
class PolicyIssueAdmin(admin.ModelAdmin):
    """The secretariat edits the taxonomy: names and descriptions in the six languages."""

    list_display = ["slug", "localized_name", "position"]
    list_editable = ["position"]
    search_fields = ["slug"]
    filter_horizontal = ["groups"]
    inlines = [ConsultationIssueInline]

    @admin.display(description=_("name"))
    def localized_name(self, obj):
        return obj.display_name()


@admin.register(ResponseIssue)
class ResponseIssueAdmin(admin.ModelAdmin):
    list_display = ["response", "issue", "tagged_by", "tagged_at"]
    list_filter = ["issue"]
    raw_id_fields = ["response"]
    readonly_fields = ["tagged_by", "tagged_at"]

    def save_model(self, request, obj, form, change):
        obj.tagged_by = obj.tagged_by or request.user
        super().save_model(request, obj, form, change)
