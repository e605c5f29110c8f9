from django import forms
from django.utils.translation import gettext_lazy as _

from tashawur.consultations.models import Consultation
from tashawur.core.languages import CONTENT_LANGUAGES
from tashawur.documents.models import LANGUAGE_CHOICES, Edition, Format, Order


class PublishReportForm(forms.Form):
    """What the secretariat chooses when publishing the compiled report (Res. 1336 rule 5)."""

    consultation = forms.ModelChoiceField(queryset=Consultation.objects.none(), label=_("Consultation"))
    edition = forms.ChoiceField(choices=Edition.choices, initial=Edition.PUBLIC, label=_("Edition"))
    languages = forms.MultipleChoiceField(
        choices=LANGUAGE_CHOICES, initial=list(CONTENT_LANGUAGES), widget=forms.CheckboxSelectMultiple,
        label=_("Languages"),
        help_text=_("Responses stay in their original language; the headings, questions and statistics are translated."),
    )
    formats = forms.MultipleChoiceField(
        choices=Format.choices, initial=list(Format.values), widget=forms.CheckboxSelectMultiple, label=_("Formats"),
    )
    order = forms.ChoiceField(choices=Order.choices, initial=Order.RESPONDENT, label=_("Order"))
    group_identical = forms.BooleanField(
        required=False, initial=True, label=_("Show identical submissions once, with the count and the senders"),
    )
    symbol = forms.CharField(
        required=False, max_length=80, label=_("Document symbol"),
        help_text=_("Leave empty for the group's code, the meeting number and the consultation; later versions add /Rev.n."),
    )

    def __init__(self, *args, consultations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = consultations if consultations is not None else Consultation.objects.all()
