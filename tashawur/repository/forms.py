"""The repository's public forms: the filters of the list, and a stakeholder's contribution."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from tashawur.core.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES, content_language, localized
from tashawur.groups.models import WorkingGroup
from tashawur.policy.models import PolicyIssue
from tashawur.policy.regions import region_choices
from tashawur.repository.selectors import EntryFilters, FilterChoices
from tashawur.repository.services import Contribution
from tashawur.responses.forms import AttachmentsField, country_choices
from tashawur.responses.models import StakeholderGroup

HONEYPOT_FIELD = "comments"
MAX_LINKS = 10


class IssueChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, issue):
        return localized(issue.name)


class EntryFilterForm(forms.Form):
    """GET filters that work without JavaScript; a value not among the choices is ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    issue = forms.ChoiceField(label=_("Issue"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    stakeholder_group = forms.ChoiceField(label=_("Stakeholder group"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, issues=(), choices: FilterChoices, **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [("", pgettext_lazy("filter", "All"))]
        reader = content_language()
        names = dict(country_choices(reader))
        self.fields["issue"].choices = everyone + [(issue.slug, localized(issue.name)) for issue in issues]
        self.fields["country"].choices = everyone + sorted(
            ((code, names.get(code, code)) for code in choices.countries), key=lambda choice: choice[1]
        )
        self.fields["region"].choices = everyone + region_choices(reader)
        self.fields["stakeholder_group"].choices = everyone + list(StakeholderGroup.choices)
        self.fields["year"].choices = everyone + [(year, str(year)) for year in choices.years]

    def filters(self) -> EntryFilters:
        self.is_valid()
        data = self.cleaned_data
        return EntryFilters(
            issue=data.get("issue", ""), country=data.get("country", ""), region=data.get("region", ""),
            stakeholder_group=data.get("stakeholder_group", ""), year=data.get("year"), text=data.get("q", ""),
        )


def _language_choices():
    return [("", _("Find it from the text")), *((code, LANGUAGE_NAMES[code]) for code in CONTENT_LANGUAGES)]


class ContributionForm(forms.Form):
    group = forms.ModelChoiceField(
        label=_("Working group"), queryset=WorkingGroup.objects.order_by("code"), empty_label=None,
        help_text=_("The group whose repository receives the entry."),
    )
    title = forms.CharField(label=_("Title"), max_length=300, widget=forms.TextInput(attrs={"dir": "auto", "size": 60}))
    summary = forms.CharField(
        label=_("Summary of the experience or practice"), max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )
    language = forms.ChoiceField(label=_("Language of the entry"), required=False, choices=_language_choices)
    issues = IssueChoiceField(
        label=_("Issues"), queryset=PolicyIssue.objects.order_by("position", "slug"),
        widget=forms.CheckboxSelectMultiple,
    )
    country = forms.ChoiceField(label=_("Country (optional)"), required=False)
    region = forms.ChoiceField(
        label=_("Or a region (optional)"), required=False, help_text=_("For an experience shared by several countries."),
    )
    year = forms.IntegerField(label=_("Year"))  # bounded in __init__: up to next year
    organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=300, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization", "dir": "auto"}),
    )
    stakeholder_group = forms.ChoiceField(label=_("Stakeholder group"), choices=StakeholderGroup.choices, widget=forms.RadioSelect)
    links = forms.CharField(
        label=_("Links (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
        help_text=_("One web address per line, optionally followed by a space and a label."),
    )
    files = AttachmentsField(label=_("Files (optional)"), required=False, help_text=_("PDF, DOCX, ODT or plain text."))
    contributor_name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    contributor_email = forms.EmailField(
        label=_("Your e-mail address"), max_length=254, help_text=_("Never published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    form_token = forms.UUIDField(widget=forms.HiddenInput)
    comments = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4())
            self.initial.setdefault("year", timezone.now().year)
        reader = content_language()
        self.fields["country"].choices = [("", _("No single country")), *country_choices(reader)]
        self.fields["region"].choices = [("", _("No region")), *region_choices(reader)]
        self.fields["year"] = forms.IntegerField(label=_("Year"), min_value=1990, max_value=timezone.now().year + 1)

    @property
    def honeypot_filled(self) -> bool:
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())

    def clean_links(self) -> list[tuple[str, str]]:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(_("Give at most %(count)d links.") % {"count": MAX_LINKS})
        links = []
        for line in lines:
            address, _space, label = line.partition(" ")
            try:
                forms.URLField(assume_scheme="https").clean(address)
            except forms.ValidationError:
                raise forms.ValidationError(_("%(address)s is not a web address.") % {"address": address}) from None
            links.append((address, label.strip()))
        return links

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("country") and cleaned.get("region"):
            self.add_error("region", _("Give a country or a region, not both."))
        return cleaned

    def contribution(self) -> Contribution:
        data = self.cleaned_data
        return Contribution(
            group=data["group"], title=data["title"], summary=data["summary"], year=data["year"],
            issues=list(data["issues"]), country=data["country"], region=data["region"],
            organisation=data["organisation"], stakeholder_group=data["stakeholder_group"],
            language=data["language"], links=data["links"], files=data["files"],
            contributor_name=data["contributor_name"], contributor_email=data["contributor_email"],
            idempotency_key=f"web:{data['form_token']}",
        )
