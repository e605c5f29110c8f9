"""Admin pages for lists and contacts; sending and imports go through the secretariat's pages and services."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tashawur.announcements.models import (
    Announcement, Bounce, Contact, ContactImport, ContactList, Delivery, RejectedRow, Unsubscribe,
)


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["email", "name", "organisation", "language", "country", "stakeholder_group"]
    show_change_link = True


@admin.register(ContactList)
class ContactListAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "created_at", "workspace"]
    list_filter = ["group"]
    search_fields = ["name"]
    readonly_fields = ["created_by", "created_at"]

    @admin.display(description=_("import and announce"))
    def workspace(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("announcements:list", args=[obj.pk]), _("open"))


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "organisation", "language", "country", "stakeholder_group", "contact_list"]
    list_filter = ["contact_list__group", "contact_list", "language", "stakeholder_group"]
    search_fields = ["email", "name", "organisation"]
    list_select_related = ["contact_list"]

    def save_model(self, request, obj, form, change):
        obj.email = obj.email.strip().lower()
        super().save_model(request, obj, form, change)


class RejectedRowInline(admin.TabularInline):
    model = RejectedRow
    extra = 0
    fields = ["row_number", "email", "reason", "detail"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ContactImport)
class ContactImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "contact_list", "imported_at", "state", "created_count", "updated_count",
                    "rejected_count"]
    list_filter = ["state", "contact_list__group"]
    exclude = ["raw"]
    readonly_fields = [field.name for field in ContactImport._meta.fields if field.name != "raw"]
    inlines = [RejectedRowInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ["consultation", "kind", "contact_list", "state", "created_at", "finished_at"]
    list_filter = ["kind", "state"]
    readonly_fields = ["kind", "consultation", "contact_list", "state", "created_by", "created_at", "started_at",
                       "finished_at", "next_send_at", "heartbeat_at", "task_id"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.state != "draft":  # what was sent stays as it was sent
            return [*self.readonly_fields, "subject", "introduction", "rate_per_minute"]
        return self.readonly_fields

    def has_add_permission(self, request):
        return False  # announcements are made on the secretariat's page, notices by the notifier

    def has_delete_permission(self, request, obj=None):
        return False  # their deliveries are the proof that nobody is mailed twice


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["address", "announcement", "language", "status", "skip_reason", "attempts", "sent_at"]
    list_filter = ["status", "announcement__kind"]
    search_fields = ["address", "message_id"]
    list_select_related = ["announcement__consultation"]
    readonly_fields = [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Unsubscribe)
class UnsubscribeAdmin(admin.ModelAdmin):
    list_display = ["address", "source", "at"]
    list_filter = ["source"]
    search_fields = ["address"]
    readonly_fields = ["delivery", "at"]

    def save_model(self, request, obj, form, change):
        obj.address = obj.address.strip().lower()
        super().save_model(request, obj, form, change)


@admin.register(Bounce)
class BounceAdmin(admin.ModelAdmin):
    list_display = ["address", "permanent", "at", "reason"]
    list_filter = ["permanent"]
    search_fields = ["address"]
    readonly_fields = ["delivery", "at"]
