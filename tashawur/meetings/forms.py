"""The registration form of a meeting, and the secretariat's caption upload."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from tashawur.core.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES, content_language
from tashawur.meetings.models import Attendance, Meeting, stakeholder_group_choices
from tashawur.meetings.services import RegistrationDetails
from tashawur.responses.forms import country_choices


class RegistrationForm(forms.Form):
    attendance = forms.ChoiceField(label=_("How will you attend?"), widget=forms.RadioSelect)
    name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"), max_length=254,
        help_text=_("We send the confirmation there, with the link to see or cancel your registration. "
                    "It is never published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=300, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization", "dir": "auto"}),
    )
    country = forms.ChoiceField(label=_("Country"), widget=forms.Select(attrs={"autocomplete": "country"}))
    stakeholder_group = forms.ChoiceField(label=_("Stakeholder group"), widget=forms.RadioSelect)
    needs_captioning = forms.BooleanField(label=_("Captioning"), required=False)
    needs_sign_language = forms.BooleanField(label=_("Sign language interpretation"), required=False)
    sign_language = forms.CharField(
        label=_("Which sign language? (optional)"), max_length=100, required=False,
        help_text=_("For example International Sign, or the national sign language you use."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    needs_step_free_access = forms.BooleanField(label=_("Step-free access"), required=False)
    other_needs = forms.CharField(
        label=_("Anything else we should arrange? (optional)"), max_length=1000, required=False,
        help_text=_("For example a seat near the screen, a sighted guide or documents in large print."),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
    # Makes sending the same form twice harmless; a missing or mangled token only loses that protection.
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, *, meeting: Meeting, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.meeting = meeting
        offered = [Attendance.IN_PERSON, *([Attendance.REMOTE] if meeting.remote_participation else [])]
        self.fields["attendance"].choices = [(value, Attendance(value).label) for value in offered]
        if len(offered) == 1:
            self.initial.setdefault("attendance", Attendance.IN_PERSON)
        self.fields["country"].choices = [("", _("Choose a country")), *country_choices(content_language())]
        self.fields["stakeholder_group"].choices = stakeholder_group_choices()
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sign_language"):
            cleaned["needs_sign_language"] = True  # naming a sign language is asking for it
        return cleaned

    def details(self) -> RegistrationDetails:
        data = self.cleaned_data
        return RegistrationDetails(
            meeting=self.meeting, attendance=data["attendance"], name=data["name"], email=data["email"],
            organisation=data["organisation"], country=data["country"], stakeholder_group=data["stakeholder_group"],
            needs_captioning=data["needs_captioning"], needs_sign_language=data["needs_sign_language"],
            sign_language=data["sign_language"], needs_step_free_access=data["needs_step_free_access"],
            other_needs=data["other_needs"].replace("\r\n", "\n"), language=content_language(),
            idempotency_key=_idempotency_key(data["form_token"]),
        )


class CaptionUploadForm(forms.Form):
    """Used in the admin: one WebVTT file for one language of one session."""

    language = forms.ChoiceField(
        label=_("Language of the captions"), choices=[(code, LANGUAGE_NAMES[code]) for code in CONTENT_LANGUAGES],
    )
    file = forms.FileField(
        label=_("WebVTT file"), help_text=_("UTF-8, starting with the line WEBVTT; cues as hh:mm:ss.ttt --> hh:mm:ss.ttt."),
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,text/vtt"}),
    )


def _idempotency_key(token: str) -> str | None:
    try:
        return f"web:{uuid.UUID(token)}"
    except ValueError:
        return None
