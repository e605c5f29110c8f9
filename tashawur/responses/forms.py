"""The web form of a consultation: what a respondent types, checked and turned into a ``Submission``.

Files are judged by their content (``attachments.check_attachment``); one refused
file refuses the whole form, so nothing half-sent is ever stored.
"""

import unicodedata
import uuid
from functools import lru_cache

import babel
import pycountry
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _, ngettext

from tashawur.core.languages import content_language
from tashawur.responses.attachments import (
    AttachmentRefused, CheckedFile, OversizedAttachment, check_attachment, safe_filename,
)
from tashawur.responses.models import Channel, Publication, StakeholderGroup
from tashawur.responses.richtext import html_to_text, sanitise_html
from tashawur.responses.services import AnswerInput, Submission

MAX_FILES = 10
MAX_ANSWER_CHARS = 100_000
HONEYPOT_FIELD = "comments"


def _sort_key(name: str) -> str:
    """Accents do not move a name out of its letter ("Égypte" sorts with E)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(character for character in decomposed if not unicodedata.combining(character)).casefold()


@lru_cache(maxsize=16)
def country_choices(language: str) -> tuple[tuple[str, str], ...]:
    """ISO 3166-1 countries named in ``language`` (a content key such as "ar" or "zh"), from Babel's CLDR data."""
    names = babel.Locale.parse(language).territories
    countries = [(code, name) for code, name in names.items() if pycountry.countries.get(alpha_2=code)]
    return tuple(sorted(countries, key=lambda item: _sort_key(item[1])))


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True

    def __init__(self, attrs=None):
        super().__init__({"accept": ".pdf,.docx,.odt,.txt", **(attrs or {})})


class AttachmentsField(forms.Field):
    """Several files at once; each is checked by content and refused with its own reason."""

    widget = MultipleFileInput

    def to_python(self, data):
        return [upload for upload in (data or []) if upload]

    def validate(self, value):
        if len(value) > MAX_FILES:
            raise forms.ValidationError(
                ngettext("Send at most %(count)d file.", "Send at most %(count)d files.", MAX_FILES)
                % {"count": MAX_FILES},
                code="too_many_files",
            )

    def clean(self, data) -> list[CheckedFile]:
        uploads = self.to_python(data)
        self.validate(uploads)
        checked, refusals = [], []
        for upload in uploads:
            try:
                checked.append(check_upload(upload))
            except AttachmentRefused as refused:
                refusals.append(forms.ValidationError(refused.message, code=refused.reason))
        if refusals:
            raise forms.ValidationError(refusals)
        return checked


def check_upload(upload) -> CheckedFile:
    """An uploaded file through the attachment checks; one over the limit is refused before it is read."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise OversizedAttachment(
            name=safe_filename(upload.name), size=filesizeformat(upload.size), limit=filesizeformat(limit),
        )
    upload.seek(0)
    return check_attachment(upload.name, upload.read())


class ResponseForm(forms.Form):
    author_name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    author_email = forms.EmailField(
        label=_("Your e-mail address"), max_length=254,
        help_text=_("We send you a link to confirm it: your response counts once you have confirmed. "
                    "Your address is never published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=300, required=False,
        help_text=_("Leave it empty if you respond in your own name."),
        widget=forms.TextInput(attrs={"autocomplete": "organization", "dir": "auto"}),
    )
    country = forms.ChoiceField(label=_("Country"), widget=forms.Select(attrs={"autocomplete": "country"}))
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group"), choices=StakeholderGroup.choices, widget=forms.RadioSelect,
    )
    attachments = AttachmentsField(
        label=_("Files (optional)"), required=False,
        help_text=_("PDF, DOCX, ODT or plain text; at most %(limit)s per file."),
    )
    publication = forms.ChoiceField(
        label=_("Publication of your response"), choices=Publication.choices, widget=forms.RadioSelect,
        help_text=_("Every response goes to the working group. Choose whether it is also published on the "
                    "consultation's public page."),
    )
    # "html" when a rich-text editor sends the answers; anything else is plain text (the no-script case).
    answers_format = forms.CharField(required=False, initial="text", widget=forms.HiddenInput)
    form_token = forms.UUIDField(widget=forms.HiddenInput)
    # The honeypot: hidden from people and assistive technology; software that fills every field fills it.
    comments = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, data=None, files=None, *, questions, **kwargs):
        self.token_reissued = False
        if data is not None and not _is_uuid(data.get("form_token")):
            data = data.copy()
            data["form_token"] = str(uuid.uuid4())
            self.token_reissued = True
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, files, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4())
        self.questions = list(questions)
        for question in self.questions:
            self.fields[answer_field(question)] = forms.CharField(
                label=_("Answer to question %(number)s") % {"number": question.position},
                required=False, max_length=MAX_ANSWER_CHARS, strip=True,
                widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
            )
        self.fields["country"].choices = [("", _("Choose a country")), *country_choices(content_language())]
        self.fields["attachments"].help_text = self.fields["attachments"].help_text % {
            "limit": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
        }

    @property
    def answer_fields(self):
        """(question, bound field) pairs, in the order of the questions."""
        return [(question, self[answer_field(question)]) for question in self.questions]

    @property
    def honeypot_filled(self) -> bool:
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())

    def clean(self):
        cleaned = super().clean()
        if self.token_reissued:
            raise forms.ValidationError(
                _("The form could not be read completely. Please check it and send it again."), code="form_token",
            )
        return cleaned

    def answers(self) -> dict[int, AnswerInput]:
        """Each answer as plain text; HTML a rich-text editor sent is sanitised first."""
        rich = self.cleaned_data.get("answers_format") == "html"
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(answer_field(question), "")
            if rich:
                html = sanitise_html(value)
                answers[question.pk] = AnswerInput(text=html_to_text(html), html=html)
            else:
                answers[question.pk] = AnswerInput(text=value.replace("\r\n", "\n"))
        return answers

    def submission(self, *, consultation, received_at) -> Submission:
        data = self.cleaned_data
        return Submission(
            consultation=consultation, channel=Channel.WEB, received_at=received_at, answers=self.answers(),
            attachments=data["attachments"], author_name=data["author_name"], author_email=data["author_email"],
            organisation=data["organisation"], country=data["country"], stakeholder_group=data["stakeholder_group"],
            publication=data["publication"], idempotency_key=f"web:{data['form_token']}", requires_confirmation=True,
        )


def answer_field(question) -> str:
    return f"answer_{question.pk}"


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
