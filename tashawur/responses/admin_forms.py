"""Forms of the secretariat's moderation tools in the admin. They parse input; services decide."""

import datetime as dt
import uuid

import pycountry
from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from tashawur.consultations.models import Consultation
from tashawur.core.languages import content_language
from tashawur.groups.member_states import country_name
from tashawur.meetings.models import Meeting, MeetingKind
from tashawur.responses.models import Channel, Publication, RejectionReason, Response, StakeholderGroup
from tashawur.responses.services import Submission
from tashawur.responses.templatetags.response_display import text_dir

ORAL_STATEMENT_MEETINGS = (MeetingKind.OPEN_CONSULTATION, MeetingKind.EXTERNAL_EVENT)
# An oral statement recorded without the time it was made is dated at noon in the group's zone,
# so its calendar date is the same whichever zone it is later read in.
DEFAULT_STATEMENT_TIME = dt.time(12, 0)


def _normalise(text: str) -> str:
    """Browsers send textarea content with CRLF line ends; the stored texts use LF."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


class ConfirmForm(forms.Form):
    """Publishing asks only for a confirmation."""


class RejectForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=RejectionReason.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note for the audit log"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Optional: e.g. the receipt number of the response this one duplicates."),
    )


class RestoreForm(forms.Form):
    note = forms.CharField(
        label=_("Why is it returned to the queue?"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )


class RedactForm(forms.Form):
    """Edit what is published of a response; the original text is kept and the change is logged."""

    reason = forms.CharField(
        label=_("Reason for the redaction"), max_length=200,
        help_text=_("Recorded in the audit log, e.g. “personal data: a telephone number”."),
    )

    def __init__(self, *args, response: Response, **kwargs):
        super().__init__(*args, **kwargs)
        self.response = response
        text_attrs = {"rows": 8, "cols": 80, "dir": text_dir(response.language)}
        if response.language:
            text_attrs["lang"] = response.language
        if response.body or response.redacted_body is not None:
            self.fields["body"] = forms.CharField(
                label=_("Published text"), required=False, strip=False, initial=response.public_body,
                widget=forms.Textarea(attrs=text_attrs),
            )
        self.answers = list(response.answers.select_related("question").order_by("question__position"))
        for answer in self.answers:
            self.fields[f"answer_{answer.pk}"] = forms.CharField(
                label=gettext("Published answer to question %(number)s") % {"number": answer.question.position},
                required=False, strip=False, initial=answer.public_text, widget=forms.Textarea(attrs=text_attrs),
            )
        self.fields["withhold"] = forms.ModelMultipleChoiceField(
            label=_("Withhold these attachments from publication"), required=False,
            queryset=response.attachments.filter(withheld=False).order_by("pk"),
            widget=forms.CheckboxSelectMultiple,
        )
        self.already_withheld = list(response.attachments.filter(withheld=True).order_by("pk"))

    def clean(self):
        cleaned = super().clean()
        self.changes = {}
        if "body" in self.fields and "body" in cleaned:
            body = _normalise(cleaned["body"])
            if body != _normalise(self.response.public_body):
                self.changes["body"] = body
        answers = {}
        for answer in self.answers:
            text = _normalise(cleaned.get(f"answer_{answer.pk}", ""))
            if text != _normalise(answer.public_text):
                answers[answer.pk] = text
        if answers:
            self.changes["answers"] = answers
        if cleaned.get("withhold"):
            self.changes["withheld_attachments"] = [attachment.pk for attachment in cleaned["withhold"]]
        if not self.changes and not self.errors:
            raise forms.ValidationError(_("Nothing was changed: edit a text or choose an attachment to withhold."))
        return cleaned


class OralStatementForm(forms.Form):
    """An oral statement made at a physical consultation meeting (seed 001's second channel)."""

    consultation = forms.ModelChoiceField(label=_("Consultation"), queryset=Consultation.objects.none())
    meeting = forms.ModelChoiceField(
        label=_("Meeting where the statement was made"), queryset=Meeting.objects.none(),
    )
    made_on = forms.DateField(label=_("Day of the statement"), widget=forms.DateInput(attrs={"type": "date"}))
    made_at = forms.TimeField(
        label=_("Time of the statement"), required=False, widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("In the group's time zone. Leave empty if it is not known."),
    )
    author_name = forms.CharField(label=_("Speaker's name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=300, required=False)
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group"), choices=[("", "—"), *StakeholderGroup.choices], required=False,
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    publication = forms.ChoiceField(
        label=_("Publication"), choices=Publication.choices, initial=Publication.NAMED,
    )
    body = forms.CharField(
        label=_("Text of the statement"), widget=forms.Textarea(attrs={"rows": 12, "cols": 80, "dir": "auto"}),
    )
    publish_now = forms.BooleanField(
        label=_("Publish it now"), required=False,
        help_text=_("Otherwise it waits in the moderation queue like any other response."),
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = (
            Consultation.objects.filter(group__in=groups).select_related("topic", "group").order_by("-opens_on", "slug")
        )
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(group__in=groups, kind__in=ORAL_STATEMENT_MEETINGS)
            .select_related("group").order_by("-starts_on")
        )
        reader = content_language()
        self.fields["country"].choices = [("", "—"), *sorted(
            ((country.alpha_2, country_name(country.alpha_2, reader)) for country in pycountry.countries),
            key=lambda choice: choice[1],
        )]
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)

    def clean(self):
        cleaned = super().clean()
        consultation, meeting, made_on = cleaned.get("consultation"), cleaned.get("meeting"), cleaned.get("made_on")
        if consultation and meeting and meeting.group_id != consultation.group_id:
            self.add_error("meeting", _("This meeting belongs to another group."))
        elif meeting and made_on and not meeting.starts_on <= made_on <= meeting.ends_on:
            self.add_error("made_on", _("The meeting was held from %(first)s to %(last)s.") % {
                "first": meeting.starts_on.isoformat(), "last": meeting.ends_on.isoformat(),
            })
        return cleaned

    def submission(self) -> Submission:
        data = self.cleaned_data
        consultation = data["consultation"]
        received_at = dt.datetime.combine(
            data["made_on"], data["made_at"] or DEFAULT_STATEMENT_TIME, tzinfo=consultation.group.zone,
        )
        return Submission(
            consultation=consultation, channel=Channel.ORAL, received_at=received_at, meeting=data["meeting"],
            author_name=data["author_name"], organisation=data["organisation"],
            stakeholder_group=data["stakeholder_group"], country=data["country"],
            publication=data["publication"], body=_normalise(data["body"]),
            idempotency_key=f"oral:{data['token']}",
        )
