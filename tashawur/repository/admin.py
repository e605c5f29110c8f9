"""The secretariat's side of the repository: moderation through the services, which check the role
and write the audit log; entries added here are published at once, edits are logged."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, ngettext

from tashawur.core.errors import TashawurError
from tashawur.repository import services
from tashawur.repository.models import EntryEvent, EntryLink, EntrySource, EntryStatus, RepositoryEntry
from tashawur.responses.models import ModerationAction, RejectionReason
from tashawur.responses.selectors import groups_moderated_by


class EntryLinkInline(admin.TabularInline):
    model = EntryLink
    extra = 0


class EntryEventInline(admin.TabularInline):
    """The audit log: shown, never edited."""

    model = EntryEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = ["at", "actor", "action", "reason", "details"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _moderate(modeladmin, request, queryset, step, **kwargs):
    done = 0
    for entry in queryset:
        try:
            step(actor=request.user, entry=entry, **kwargs)
            done += 1
        except TashawurError as refusal:
            modeladmin.message_user(request, f"{entry}: {refusal.message}", messages.ERROR)
    if done:
        modeladmin.message_user(
            request, ngettext("%(count)d entry changed.", "%(count)d entries changed.", done) % {"count": done},
        )


@admin.action(description=_("Publish the selected entries"))
def publish(modeladmin, request, queryset):
    _moderate(modeladmin, request, queryset, services.publish_entry)


@admin.action(description=_("Return the selected entries to the moderation queue"))
def restore(modeladmin, request, queryset):
    _moderate(modeladmin, request, queryset, services.restore_entry)


def _reject_action(reason: str, label):
    def action(modeladmin, request, queryset):
        _moderate(modeladmin, request, queryset, services.reject_entry, reason=reason)

    action.__name__ = f"reject_{reason}"
    return admin.action(description=_("Reject the selected entries: %(reason)s") % {"reason": label})(action)


@admin.register(RepositoryEntry)
class RepositoryEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "year", "country", "region", "stakeholder_group", "source", "status", "received_at"]
    list_filter = ["status", "source", "group", "year", "stakeholder_group"]
    search_fields = ["title", "summary", "organisation"]
    filter_horizontal = ["issues"]
    raw_id_fields = ["response"]
    readonly_fields = ["status", "rejection_reason", "source", "received_at", "published_at"]
    inlines = [EntryLinkInline, EntryEventInline]
    actions = [publish, restore, *(_reject_action(value, label) for value, label in RejectionReason.choices)]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(group__in=groups_moderated_by(request.user)).select_related("group")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "group":
            kwargs["queryset"] = groups_moderated_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        """New entries are the secretariat's own, published at once; changes are logged field by field.

        Only groups the user is secretariat of can be chosen (``formfield_for_foreignkey``).
        """
        if not change:
            now = timezone.now()
            obj.source, obj.status, obj.received_at, obj.published_at = EntrySource.SECRETARIAT, EntryStatus.PUBLISHED, now, now
            super().save_model(request, obj, form, change)
            EntryEvent.objects.create(entry=obj, actor=request.user, action=ModerationAction.RECEIVED,
                                      details={"source": obj.source})
            EntryEvent.objects.create(entry=obj, actor=request.user, action=ModerationAction.PUBLISHED)
            return
        before = RepositoryEntry.objects.get(pk=obj.pk)
        details = {
            name: {"before": getattr(before, name), "after": getattr(obj, name)}
            for name in form.changed_data if name in services.EDITABLE_FIELDS
        }
        super().save_model(request, obj, form, change)
        if details:
            EntryEvent.objects.create(entry=obj, actor=request.user, action=ModerationAction.EDITED, details=details)
