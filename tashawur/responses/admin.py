"""The secretariat's moderation tool (for now, in the Django admin).

Every change goes through the services in ``services.py``, which check that the
user is the group's secretariat and write the audit log; the admin never
updates or deletes a response itself. A response's change page is read-only:
moderation has its own small forms (publish, reject, return to the queue, redact).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy as _, ngettext

from tashawur.core.errors import TashawurError
from tashawur.groups import permissions
from tashawur.responses import selectors, services
from tashawur.responses.admin_forms import ConfirmForm, OralStatementForm, RedactForm, RejectForm, RestoreForm
from tashawur.responses.models import Answer, Attachment, AuditEvent, Channel, Response, Status
from tashawur.responses.templatetags.response_display import country_label
from tashawur.responses.views_public import attachment_response

# Which moderation links a response's page offers, by status. The services remain the judges:
# a link shown by mistake would end in their refusal, never in a wrong change.
_OFFERED = {
    Status.UNCONFIRMED: ("redact",),
    Status.RECEIVED: ("publish", "reject", "redact"),
    Status.PUBLISHED: ("reject", "restore", "redact"),
    Status.REJECTED: ("publish", "restore", "redact"),
    Status.WITHDRAWN: (),
}
_REFUSALS_SHOWN = 20


def moderates_any_group(user) -> bool:
    return bool(user.is_active and user.is_staff and selectors.groups_moderated_by(user).exists())


class ReadOnlyInline(admin.TabularInline):
    """Rows shown on a response's page; they change only through the services."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_view_permission(self, request, obj=None):
        return moderates_any_group(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AnswerInline(ReadOnlyInline):
    model = Answer
    fields = readonly_fields = ["question", "text", "redacted_text"]
    verbose_name_plural = _("answers (original, and the published version when redacted)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("question").order_by("question__position")


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = readonly_fields = ["download", "content_type", "size", "sha256", "withheld", "extracted_text"]

    @admin.display(description=_("file name"))
    def download(self, obj):
        url = reverse("admin:responses_response_attachment", args=[obj.response_id, obj.pk])
        return format_html('<a href="{}" download>{}</a>', url, obj.filename)


class AuditEventInline(ReadOnlyInline):
    model = AuditEvent
    fields = readonly_fields = ["at", "actor", "action", "reason", "details"]
    verbose_name_plural = _("audit log")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor").order_by("at", "pk")


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = [
        "receipt_number", "consultation_slug", "received_at", "status", "channel", "author", "organisation",
        "stakeholder_group", "country", "language", "publication",
    ]
    list_filter = ["consultation", "status", "channel", "stakeholder_group", "language", "publication"]
    search_fields = ["receipt_number", "author_name", "organisation", "author_email"]
    date_hierarchy = "received_at"
    list_per_page = 50
    actions = ["publish_selected", "reject_selected", "restore_selected"]
    inlines = [AnswerInline, AttachmentInline, AuditEventInline]
    change_form_template = "responses/admin/change_form.html"
    change_list_template = "responses/admin/change_list.html"
    fieldsets = [
        (None, {"fields": [
            "receipt_number", "consultation", "status", "rejection_reason", "publication", "channel", "meeting",
            "received_at", "confirmed_at", "published_at", "withdrawn_at", "public_link",
        ]}),
        (_("Author"), {"fields": ["author_name", "author_email", "organisation", "country_name", "stakeholder_group"]}),
        (_("Text"), {"fields": ["language", "body", "redacted_body"]}),
        (_("E-mail"), {"fields": ["raw_email"]}),
    ]
    readonly_fields = [
        "receipt_number", "consultation", "status", "rejection_reason", "publication", "channel", "meeting",
        "received_at", "confirmed_at", "published_at", "withdrawn_at", "public_link", "author_name", "author_email",
        "organisation", "country_name", "stakeholder_group", "language", "body", "redacted_body", "raw_email",
    ]

    # --- who may do what ------------------------------------------------------------------

    def get_queryset(self, request):
        return selectors.responses_for_moderation(request.user)

    def has_module_permission(self, request):
        return moderates_any_group(request.user)

    def has_view_permission(self, request, obj=None):
        if obj is not None:
            return request.user.is_staff and permissions.can_manage_group(request.user, obj.consultation.group)
        return moderates_any_group(request.user)

    def has_moderate_permission(self, request):
        return moderates_any_group(request.user)

    def has_add_permission(self, request):
        return False  # responses arrive through their channels; oral statements have their own form

    def has_change_permission(self, request, obj=None):
        return False  # read-only: every change is a moderation action, through a service

    def has_delete_permission(self, request, obj=None):
        return False  # nothing is ever deleted (Res. 1336 rule 8)

    # --- columns and fields ---------------------------------------------------------------

    @admin.display(description=_("consultation"), ordering="consultation__slug")
    def consultation_slug(self, obj):
        return obj.consultation.slug

    @admin.display(description=_("name"), ordering="author_name")
    def author(self, obj):
        return obj.author_name or obj.author_email

    @admin.display(description=_("country"))
    def country_name(self, obj):
        return f"{country_label(obj.country)} ({obj.country})" if obj.country else ""

    @admin.display(description=_("public page"))
    def public_link(self, obj):
        if obj.status != Status.PUBLISHED:
            return gettext("Not published")
        url = reverse("consultation-response", args=[obj.consultation.slug, obj.receipt_number])
        if not obj.is_public:
            return format_html('<a href="{}">{}</a> ({})', url, url, gettext("shown to the group's members only"))
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description=_("raw e-mail"))
    def raw_email(self, obj):
        if obj.channel != Channel.EMAIL or obj.inbound_message_id is None:
            return gettext("Not received by e-mail")
        message = obj.inbound_message
        raw_url = reverse("admin:responses_response_raw_email", args=[obj.pk])
        links = format_html('<a href="{}" download>{}</a> · Message-ID: <code>{}</code>', raw_url,
                            gettext("Download the message as received (.eml)"), message.message_id or "—")
        try:
            record_url = reverse("admin:mailin_inboundmessage_change", args=[message.pk])
        except NoReverseMatch:
            return links
        return format_html('{} · <a href="{}">{}</a>', links, record_url, gettext("Incoming message record"))

    # --- bulk actions ---------------------------------------------------------------------

    @admin.action(description=_("Publish the selected responses"), permissions=["moderate"])
    def publish_selected(self, request, queryset):
        self._apply(
            request, queryset, lambda response: services.publish_response(actor=request.user, response=response),
            lambda count: ngettext("%(count)d response published.", "%(count)d responses published.", count),
        )

    @admin.action(description=_("Reject the selected responses (asks for the reason)"), permissions=["moderate"])
    def reject_selected(self, request, queryset):
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason, note = form.cleaned_data["reason"], form.cleaned_data["note"]
            self._apply(
                request, queryset,
                lambda response: services.reject_response(actor=request.user, response=response, reason=reason,
                                                          note=note),
                lambda count: ngettext("%(count)d response rejected.", "%(count)d responses rejected.", count),
            )
            return None
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "form": form, "responses": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME, "title": gettext("Reject responses"),
        }
        return TemplateResponse(request, "responses/admin/bulk_reject.html", context)

    @admin.action(description=_("Return the selected responses to the moderation queue"), permissions=["moderate"])
    def restore_selected(self, request, queryset):
        self._apply(
            request, queryset, lambda response: services.restore_response(actor=request.user, response=response),
            lambda count: ngettext(
                "%(count)d response returned to the queue.", "%(count)d responses returned to the queue.", count,
            ),
        )

    def _apply(self, request, queryset, perform, done_message):
        """Run one service per response; each succeeds or is refused on its own, with its reason."""
        done, refused = 0, []
        for response in queryset.select_related("consultation__group"):
            try:
                perform(response)
            except TashawurError as error:
                refused.append(f"{response.receipt_number}: {error.message}")
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)
        for line in refused[:_REFUSALS_SHOWN]:
            self.message_user(request, line, messages.WARNING)
        if len(refused) > _REFUSALS_SHOWN:
            more = len(refused) - _REFUSALS_SHOWN
            self.message_user(request, ngettext(
                "%(count)d more response was left unchanged.", "%(count)d more responses were left unchanged.", more,
            ) % {"count": more}, messages.WARNING)

    # --- pages of their own ---------------------------------------------------------------

    def get_urls(self):
        def view(function, suffix, route):
            return path(route, self.admin_site.admin_view(function), name=f"responses_response_{suffix}")

        return [
            view(self.oral_statement_view, "oral_statement", "oral-statement/"),
            view(self.publish_view, "publish", "<int:object_id>/publish/"),
            view(self.reject_view, "reject", "<int:object_id>/reject/"),
            view(self.restore_view, "restore", "<int:object_id>/restore/"),
            view(self.redact_view, "redact", "<int:object_id>/redact/"),
            view(self.attachment_view, "attachment", "<int:object_id>/attachments/<int:attachment_id>/"),
            view(self.raw_email_view, "raw_email", "<int:object_id>/raw-email/"),
        ] + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_record_oral_statement": self.has_moderate_permission(request)}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = self._moderated(request, object_id) if str(object_id).isdigit() else None
        links = []
        if response is not None:
            labels = {"publish": gettext("Publish"), "reject": gettext("Reject"),
                      "restore": gettext("Return to the queue"), "redact": gettext("Redact")}
            links = [
                (reverse(f"admin:responses_response_{action}", args=[response.pk]), labels[action])
                for action in _OFFERED[response.status]
            ]
        extra_context = {**(extra_context or {}), "moderation_links": links}
        return super().change_view(request, object_id, form_url, extra_context)

    def _moderated(self, request, object_id) -> Response:
        """The response, if it belongs to a group the user moderates; 404 otherwise."""
        response = self.get_queryset(request).filter(pk=object_id).first()
        if response is None:
            raise Http404
        if not permissions.can_manage_group(request.user, response.consultation.group):
            raise PermissionDenied
        return response

    def _moderation_page(self, request, object_id, *, form_class, perform, title, button, done, form_kwargs=None):
        response = self._moderated(request, object_id)
        form_kwargs = form_kwargs(response) if form_kwargs else {}
        form = form_class(request.POST if request.method == "POST" else None, **form_kwargs)
        if form.is_bound and form.is_valid():
            try:
                perform(response, form)
            except TashawurError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(request, done % {"receipt": response.receipt_number}, messages.SUCCESS)
                return redirect("admin:responses_response_change", response.pk)
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "original": response, "form": form,
            "title": title % {"receipt": response.receipt_number}, "button": button,
        }
        return TemplateResponse(request, "responses/admin/moderate.html", context)

    def publish_view(self, request, object_id):
        return self._moderation_page(
            request, object_id, form_class=ConfirmForm, title=gettext("Publish response %(receipt)s"),
            button=gettext("Publish"), done=gettext("Response %(receipt)s published."),
            perform=lambda response, form: services.publish_response(actor=request.user, response=response),
        )

    def reject_view(self, request, object_id):
        return self._moderation_page(
            request, object_id, form_class=RejectForm, title=gettext("Reject response %(receipt)s"),
            button=gettext("Reject"), done=gettext("Response %(receipt)s rejected."),
            perform=lambda response, form: services.reject_response(
                actor=request.user, response=response, reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            ),
        )

    def restore_view(self, request, object_id):
        return self._moderation_page(
            request, object_id, form_class=RestoreForm, title=gettext("Return response %(receipt)s to the queue"),
            button=gettext("Return to the queue"), done=gettext("Response %(receipt)s returned to the queue."),
            perform=lambda response, form: services.restore_response(
                actor=request.user, response=response, note=form.cleaned_data["note"],
            ),
        )

    def redact_view(self, request, object_id):
        return self._moderation_page(
            request, object_id, form_class=RedactForm, title=gettext("Redact response %(receipt)s"),
            button=gettext("Save the redaction"), done=gettext("Response %(receipt)s redacted."),
            form_kwargs=lambda response: {"response": response},
            perform=lambda response, form: services.redact_response(
                actor=request.user, response=response, reason=form.cleaned_data["reason"], **form.changes,
            ),
        )

    def attachment_view(self, request, object_id, attachment_id):
        """Any file of a moderated response, withheld ones included, served as safely as on the public page."""
        response = self._moderated(request, object_id)
        attachment = response.attachments.filter(pk=attachment_id).first()
        if attachment is None:
            raise Http404
        return attachment_response(attachment)

    def raw_email_view(self, request, object_id):
        response = self._moderated(request, object_id)
        if response.inbound_message_id is None:
            raise Http404
        raw = bytes(response.inbound_message.raw)
        download = HttpResponse(raw, content_type="message/rfc822")
        download["Content-Disposition"] = f'attachment; filename="{response.receipt_number}.eml"'
        download["X-Content-Type-Options"] = "nosniff"
        download["Content-Security-Policy"] = "sandbox; default-src 'none'"
        return download

    def oral_statement_view(self, request):
        """Record a statement made at the physical meeting, through the same service as every channel."""
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        groups = selectors.groups_moderated_by(request.user)
        form = OralStatementForm(request.POST if request.method == "POST" else None, groups=groups)
        if not form.is_bound:
            form.initial.update(self._oral_statement_defaults(form, request.GET.get("consultation")))
        if form.is_bound and form.is_valid():
            try:
                result = services.submit_response(submission=form.submission(), actor=request.user)
                if form.cleaned_data["publish_now"] and result.response.status == Status.RECEIVED:
                    services.publish_response(actor=request.user, response=result.response)
            except TashawurError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(request, gettext("Oral statement recorded as response %(receipt)s.") % {
                    "receipt": result.response.receipt_number}, messages.SUCCESS)
                return redirect("admin:responses_response_change", result.response.pk)
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "form": form,
            "title": gettext("Record an oral statement"),
        }
        return TemplateResponse(request, "responses/admin/oral_statement.html", context)

    @staticmethod
    def _oral_statement_defaults(form, consultation_id) -> dict:
        consultation = (
            form.fields["consultation"].queryset.select_related("physical_meeting").filter(pk=consultation_id).first()
            if consultation_id and consultation_id.isdigit() else None
        )
        if consultation is None:
            return {}
        defaults = {"consultation": consultation.pk}
        if consultation.physical_meeting_id:
            defaults.update(meeting=consultation.physical_meeting_id, made_on=consultation.physical_meeting.starts_on)
        return defaults


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The whole moderation log, read-only: who did what to which response, when and why."""

    list_display = ["at", "response", "actor", "action", "reason"]
    list_filter = ["action", "response__consultation"]
    search_fields = ["response__receipt_number", "actor__username", "reason"]
    date_hierarchy = "at"
    fields = readonly_fields = ["at", "response", "actor", "action", "reason", "details"]

    def get_queryset(self, request):
        return AuditEvent.objects.filter(
            response__in=selectors.responses_for_moderation(request.user)
        ).select_related("response", "actor")

    def has_module_permission(self, request):
        return moderates_any_group(request.user)

    def has_view_permission(self, request, obj=None):
        return moderates_any_group(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
