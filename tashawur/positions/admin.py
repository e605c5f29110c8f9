from django.contrib import admin

from tashawur.positions.models import PositionStatement


@admin.register(PositionStatement)
class PositionStatementAdmin(admin.ModelAdmin):
    """A view of the statements; positions are written through the delegates' form, so that the
    supersession and the permission rules always apply."""

    list_display = ["member_state", "issue", "topic", "stated_on", "is_current", "language", "recorded_by"]
    list_filter = ["is_current", "issue"]
    search_fields = ["member_state__code", "text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
