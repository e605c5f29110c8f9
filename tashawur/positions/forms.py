from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from tashawur.core.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES, content_language
from tashawur.groups.models import WorkingGroup
from tashawur.policy.regions import region_choices


class MatrixFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    group = forms.ChoiceField(label=_("Issues handled by"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [("", pgettext_lazy("filter", "All"))]
        self.fields["region"].choices = everyone + region_choices(content_language())
        self.fields["group"].choices = everyone + [(code, code) for code in WorkingGroup.objects.values_list("code", flat=True)]

    def values(self) -> tuple[str, WorkingGroup | None]:
        self.is_valid()
        code = self.cleaned_data.get("group", "")
        group = WorkingGroup.objects.filter(code=code).first() if code else None
        return self.cleaned_data.get("region", ""), group


class PositionForm(forms.Form):
    text = forms.CharField(
        label=_("Position"), max_length=50_000, widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
        help_text=_("In any language. It supersedes the current position, which stays in the history."),
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    stated_on = forms.DateField(label=_("Stated on"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Find it from the text"))] + [
            (code, LANGUAGE_NAMES[code]) for code in CONTENT_LANGUAGES
        ]
        if not self.is_bound:
            self.initial.setdefault("stated_on", timezone.localdate())
