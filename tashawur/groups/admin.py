from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tashawur.groups.models import GroupMembership, MemberState, Role, WorkingGroup


@admin.register(MemberState)
class MemberStateAdmin(admin.ModelAdmin):
    list_display = ["code", "localized_name", "alpha3", "numeric"]
    search_fields = ["code", "alpha3"]
    readonly_fields = ["code", "alpha3", "numeric"]

    @admin.display(description=_("name"))
    def localized_name(self, obj):
        return obj.name()

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = GroupMembership
    autocomplete_fields = ["member_state"]
    extra = 0


class RoleInline(admin.TabularInline):
    model = Role
    autocomplete_fields = ["member_state", "user"]
    extra = 0


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["code", "localized_name", "time_zone", "member_count"]
    search_fields = ["code"]
    fieldsets = [
        (None, {"fields": ["code", "name", "description", "time_zone"]}),
        (
            _("Rules of Resolution 1336"),
            {
                "fields": [
                    "launch_within_days",
                    "response_deadline_days_before",
                    "report_days_before",
                    "physical_meeting_window_days",
                    "proposals_per_state",
                    "limited_to_member_states",
                ],
                "description": _("Each number is this group's own; the defaults are those of the resolution."),
            },
        ),
    ]
    inlines = [RoleInline, MembershipInline]

    @admin.display(description=_("name"))
    def localized_name(self, obj):
        return obj.display_name()

    @admin.display(description=_("member states"))
    def member_count(self, obj):
        return obj.memberships.count()


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "group", "member_state"]
    list_filter = ["group", "kind"]
    autocomplete_fields = ["user", "member_state"]
