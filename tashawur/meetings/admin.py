"""The secretariat's admin for meetings: arrangements, registrations, sessions, captions, oral statements' places.

Changes that follow a rule go through the services: places freed or added are given to
people waiting (``fill_places``, ``cancel_registration``), captions are checked before they
are published (``attach_captions``), a statement is placed only in its own meeting.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_lazy as _, ngettext

from tashawur.core.errors import NotAllowed
from tashawur.meetings import permissions
from tashawur.meetings.errors import InvalidCaptions, StatementNotFromMeeting
from tashawur.meetings.forms import CaptionUploadForm
from tashawur.meetings.models import (
    Attendance, CaptionTrack, Meeting, MeetingSession, Registration, RegistrationMail, RegistrationStatus,
    StatementPlace,
)
from tashawur.meetings.services import (
    attach_captions, cancel_registration, check_statement_place, fill_places, place_statement,
)
from tashawur.meetings.webvtt import format_timestamp, parse_timestamp


# Links typed without a scheme are read as https (Django 6's default, without the warning).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class MeetingSessionInline(admin.StackedInline):
    model = MeetingSession
    formfield_overrides = URL_FIELDS
    extra = 0
    fields = ["title", "starts_at", "ends_at", "recording_url", "recording_kind"]
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = [
        "localized_title", "group", "kind", "number", "starts_on", "ends_on", "remote_participation", "webcast",
        "captioning", "registration_open",
    ]
    list_filter = ["group", "kind", "registration_open"]
    date_hierarchy = "starts_on"
    search_fields = ["venue", "city", "event_name"]
    readonly_fields = ["registrations_summary"]
    inlines = [MeetingSessionInline]
    formfield_overrides = URL_FIELDS
    fieldsets = [
        (None, {"fields": [
            "group", "kind", "number", "title", "starts_on", "ends_on", "daily_starts_at", "daily_ends_at",
        ]}),
        (_("Place"), {"fields": ["venue", "city", "event_name", "event_url"]}),
        (_("Accessibility (rule 6)"), {"fields": ["remote_participation", "webcast", "captioning"]}),
        (_("Registration"), {"fields": [
            "registration_open", "in_person_capacity", "remote_capacity", "registrations_summary",
        ]}),
        (_("Remote participation and webcast links"), {"fields": [
            "remote_participation_url", "webcast_url", "links_visibility",
        ]}),
    ]

    @admin.display(description=_("title"), ordering="starts_on")
    def localized_title(self, obj):
        return obj.display_title()

    @admin.display(description=_("registrations"))
    def registrations_summary(self, obj):
        if not obj.pk:
            return "—"
        counts = obj.registrations.exclude(status=RegistrationStatus.CANCELLED).aggregate(
            in_person=Count("pk", filter=Q(attendance=Attendance.IN_PERSON, status=RegistrationStatus.CONFIRMED)),
            remote=Count("pk", filter=Q(attendance=Attendance.REMOTE, status=RegistrationStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            captioning=Count("pk", filter=Q(needs_captioning=True)),
            sign_language=Count("pk", filter=Q(needs_sign_language=True)),
            step_free=Count("pk", filter=Q(needs_step_free_access=True)),
            other=Count("pk", filter=~Q(other_needs="")),
        )
        url = reverse("admin:meetings_registration_changelist") + f"?meeting__id__exact={obj.pk}"
        return format_html(
            '<a href="{}">{}</a>', url,
            gettext("In person: %(in_person)d · remotely: %(remote)d · waiting: %(waiting)d · asking for captioning: "
                    "%(captioning)d, sign language: %(sign_language)d, step-free access: %(step_free)d, "
                    "something else: %(other)d") % counts,
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"in_person_capacity", "remote_capacity"} & set(form.changed_data):
            # More places: people waiting get them once this change is committed.
            transaction.on_commit(lambda: self._fill_places(request, obj))

    def _fill_places(self, request, meeting):
        try:
            promoted = fill_places(meeting=meeting, actor=request.user)
        except NotAllowed as refusal:
            self.message_user(request, refusal.message, messages.WARNING)
            return
        if promoted:
            self.message_user(request, ngettext(
                "%(count)d person on the waiting list got a place and was told by e-mail.",
                "%(count)d people on the waiting list got a place and were told by e-mail.", len(promoted),
            ) % {"count": len(promoted)})


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Registrations change only through their services: read here, cancelled by the action."""

    list_display = [
        "name", "email", "meeting", "attendance", "status", "needs_captioning", "needs_sign_language",
        "needs_step_free_access", "registered_at",
    ]
    list_filter = [
        "meeting", "attendance", "status", "needs_captioning", "needs_sign_language", "needs_step_free_access",
    ]
    search_fields = ["name", "email", "organisation"]
    list_select_related = ["meeting__group"]
    actions = ["cancel_selected"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Registration._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Cancel the selected registrations (people waiting get the places)"))
    def cancel_selected(self, request, queryset):
        cancelled = 0
        for registration in queryset.select_related("meeting__group"):
            if not permissions.can_manage_meeting(request.user, registration.meeting):
                raise PermissionDenied
            cancelled += cancel_registration(registration=registration)
        self.message_user(request, ngettext(
            "%(count)d registration cancelled.", "%(count)d registrations cancelled.", cancelled,
        ) % {"count": cancelled})


@admin.register(RegistrationMail)
class RegistrationMailAdmin(admin.ModelAdmin):
    list_display = ["to", "kind", "created_at", "sent_at", "error"]
    list_filter = ["kind"]
    search_fields = ["to", "subject"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in RegistrationMail._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CaptionTrackInline(admin.TabularInline):
    model = CaptionTrack
    extra = 0
    fields = ["language", "uploaded_at", "uploaded_by", "cue_count"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # through "Upload captions", which checks the file

    @admin.display(description=_("cues"))
    def cue_count(self, obj):
        return obj.cues.count()


@admin.register(MeetingSession)
class MeetingSessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting", "starts_at", "ends_at"]
    list_filter = ["meeting__group"]
    list_select_related = ["meeting__group"]
    fields = ["meeting", "title", "starts_at", "ends_at", "recording_url", "recording_kind", "captions"]
    readonly_fields = ["captions"]
    inlines = [CaptionTrackInline]
    formfield_overrides = URL_FIELDS

    @admin.display(description=_("captions"))
    def captions(self, obj):
        if not obj.pk:
            return gettext("Save the session first, then upload its captions.")
        upload = reverse("admin:meetings_meetingsession_captions", args=[obj.pk])
        transcript = reverse("session-transcript", args=[obj.meeting_id, obj.pk])
        return format_html('<a href="{}">{}</a> · <a href="{}">{}</a>', upload, gettext("Upload captions (WebVTT)"),
                           transcript, gettext("See the transcript"))

    def get_urls(self):
        return [
            path("<int:session_id>/captions/", self.admin_site.admin_view(self.captions_view),
                 name="meetings_meetingsession_captions"),
            *super().get_urls(),
        ]

    def captions_view(self, request, session_id):
        session = get_object_or_404(MeetingSession.objects.select_related("meeting__group"), pk=session_id)
        if not self.has_change_permission(request, session):
            raise PermissionDenied
        form = CaptionUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                track = attach_captions(
                    session=session, language=form.cleaned_data["language"],
                    vtt_bytes=form.cleaned_data["file"].read(), actor=request.user,
                )
            except InvalidCaptions as refusal:
                form.add_error("file", refusal.message)
            except NotAllowed as refusal:
                raise PermissionDenied(refusal.message) from None
            else:
                self.message_user(request, ngettext(
                    "Captions in %(language)s published: %(count)d cue.",
                    "Captions in %(language)s published: %(count)d cues.", track.cues.count(),
                ) % {"language": track.get_language_display(), "count": track.cues.count()})
                return redirect("admin:meetings_meetingsession_change", session.pk)
        context = {
            **self.admin_site.each_context(request), "title": gettext("Upload captions"), "session": session,
            "form": form, "opts": self.model._meta,
            "existing": format_html_join(
                ", ", "{}", ((track.get_language_display(),) for track in session.caption_tracks.all()),
            ),
        }
        return TemplateResponse(request, "meetings/admin/captions.html", context)


class TimestampField(forms.CharField):
    """A moment in a recording typed as hh:mm:ss (or hh:mm:ss.ttt), kept in milliseconds."""

    def prepare_value(self, value):
        return format_timestamp(value) if isinstance(value, int) else value

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        milliseconds = parse_timestamp(value if "." in value else f"{value}.000")
        if milliseconds is None:
            raise forms.ValidationError(_("Give the time as hh:mm:ss, for example 01:02:03."), code="invalid")
        return milliseconds


class StatementPlaceForm(forms.ModelForm):
    starts_at_ms = TimestampField(
        label=_("starts at (time in the recording)"),
        help_text=_("hh:mm:ss from the start of the session's recording."),
    )

    class Meta:
        model = StatementPlace
        fields = ["response", "session", "starts_at_ms"]

    def clean(self):
        cleaned = super().clean()
        response, session = cleaned.get("response"), cleaned.get("session")
        if response and session:
            try:
                check_statement_place(response, session)
            except StatementNotFromMeeting as refusal:
                self.add_error("response", refusal.message)
        return cleaned


@admin.register(StatementPlace)
class StatementPlaceAdmin(admin.ModelAdmin):
    form = StatementPlaceForm
    list_display = ["response", "session", "starts_at"]
    list_select_related = ["response", "session__meeting__group"]
    raw_id_fields = ["response"]

    @admin.display(description=_("starts at"), ordering="starts_at_ms")
    def starts_at(self, obj):
        return format_timestamp(obj.starts_at_ms, with_millis=False)

    def save_model(self, request, obj, form, change):
        try:
            place = place_statement(response=obj.response, session=obj.session, starts_at_ms=obj.starts_at_ms,
                                    actor=request.user)
        except NotAllowed as refusal:
            raise PermissionDenied(refusal.message) from None
        obj.pk = place.pk
