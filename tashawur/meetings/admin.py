from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tashawur.meetings.models import Meeting


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["localized_title", "group", "kind", "number", "starts_on", "ends_on", "remote_participation", "webcast", "captioning"]
    list_filter = ["group", "kind"]
    date_hierarchy = "starts_on"
    search_fields = ["venue", "city", "event_name"]
    fieldsets = [
        (None, {"fields": ["group", "kind", "number", "title", "starts_on", "ends_on"]}),
        (_("Place"), {"fields": ["venue", "city", "event_name"]}),
        (_("Accessibility (rule 6)"), {"fields": ["remote_participation", "webcast", "captioning"]}),
    ]

    @admin.display(description=_("title"), ordering="starts_on")
    def localized_title(self, obj):
        return obj.display_title()
