from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tashawur.mandates.labels import STATUS_LABELS
from tashawur.mandates.models import Mandate, MandateAnswer, ProgressNote, Resolution, ResolutionRevision
from tashawur.mandates.selectors import state_of

class RevisionInline(admin.TabularInline):
    model = ResolutionRevision
    extra = 0


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["number", "body", "council_session_month", "council_session_day"]
    inlines = [RevisionInline]


class AnswerInline(admin.TabularInline):
    model = MandateAnswer
    extra = 0


class ProgressNoteInline(admin.TabularInline):
    model = ProgressNote
    extra = 0
    readonly_fields = ["author"]


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["__str__", "group", "recurrence", "due_on", "first_year", "last_year", "status"]
    list_filter = ["resolution", "addressee", "recurrence", "group"]
    inlines = [AnswerInline, ProgressNoteInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("resolution", "group").prefetch_related("answers")

    @admin.display(description=_("status"))
    def status(self, obj):
        return STATUS_LABELS[state_of(obj, timezone.localdate()).status]

    def save_formset(self, request, form, formset, change):
        for instance in formset.save(commit=False):
            if isinstance(instance, ProgressNote) and instance.author_id is None:
                instance.author = request.user
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
