"""The secretariat's view of incoming mail: every message kept, with its outcome and reason.

Rows are read-only (the raw bytes are the record); the raw message can be
downloaded as .eml, and pending or failed messages processed again through the
same service as every way in.
"""

from django.contrib import admin, messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy as _, ngettext

from tashawur.mailin.models import ConsultationAlias, InboundMessage, MailboxCursor, OutboundMail, Outcome
from tashawur.mailin.process import process_message


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # nothing that arrived is ever deleted


@admin.register(InboundMessage)
class InboundMessageAdmin(ReadOnlyAdmin):
    list_display = ("received_at", "outcome", "reason", "sender", "subject", "via", "size")
    list_filter = ("outcome", "reason", "via")
    search_fields = ("message_id", "sender", "subject", "envelope_sender")
    date_hierarchy = "received_at"
    exclude = ("raw",)
    readonly_fields = ("download",)
    actions = ("process_again",)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("raw")

    def get_urls(self):
        download = self.admin_site.admin_view(self.download_view)
        return [path("<int:pk>/raw/", download, name="mailin_inboundmessage_raw"), *super().get_urls()]

    @admin.display(description=_("raw message"))
    def download(self, obj):
        url = reverse("admin:mailin_inboundmessage_raw", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Download the message as received (.eml)"))

    def download_view(self, request, pk):
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        inbound = get_object_or_404(InboundMessage, pk=pk)
        response = HttpResponse(bytes(inbound.raw), content_type="message/rfc822")
        response["Content-Disposition"] = f'attachment; filename="M-{inbound.pk}.eml"'
        return response

    @admin.action(description=_("Process the selected pending or failed messages again"))
    def process_again(self, request, queryset):
        waiting = queryset.filter(outcome__in=[Outcome.PENDING, Outcome.FAILED])
        outcomes = [process_message(inbound) for inbound in waiting]
        done = sum(1 for outcome in outcomes if outcome.outcome != Outcome.FAILED)
        self.message_user(request, ngettext(
            "%(count)d message processed.", "%(count)d messages processed.", done) % {"count": done},
            messages.SUCCESS if done == len(outcomes) else messages.WARNING)


@admin.register(OutboundMail)
class OutboundMailAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "to", "subject", "language", "sent_at")
    list_filter = ("kind", "language")
    search_fields = ("to", "subject")


@admin.register(ConsultationAlias)
class ConsultationAliasAdmin(admin.ModelAdmin):
    list_display = ("address", "consultation")
    search_fields = ("address", "consultation__slug")
    autocomplete_fields = ("consultation",)


@admin.register(MailboxCursor)
class MailboxCursorAdmin(ReadOnlyAdmin):
    list_display = ("mailbox", "uid_validity", "last_uid", "polled_at")
