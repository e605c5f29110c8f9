from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from tashawur.annualreports.models import AnnualReport
from tashawur.core.languages import CONTENT_LANGUAGES
from tashawur.responses.selectors import groups_moderated_by


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    """The secretariat writes the narrative in the six languages; the facts are filled in when the report is built."""

    list_display = ["group", "first_year", "last_year", "updated_at", "updated_by"]
    list_filter = ["group"]
    readonly_fields = ["files", "updated_at", "updated_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(group__in=groups_moderated_by(request.user)).select_related("group")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "group":
            kwargs["queryset"] = groups_moderated_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("files"))
    def files(self, obj):
        if not obj.pk:
            return "—"
        links = (
            (reverse("annualreports:file", args=[obj.group.code, obj.first_year, obj.last_year, code, fmt]), f"{code} {fmt}")
            for code in CONTENT_LANGUAGES for fmt in ("html", "pdf", "docx")
        )
        return format_html("<p>{}</p>", format_html_join(" · ", '<a href="{}">{}</a>', links))
