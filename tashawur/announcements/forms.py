from django import forms
from django.utils.translation import gettext_lazy as _

from tashawur.announcements.models import MAX_RATE_PER_MINUTE, ContactList
from tashawur.consultations.models import Consultation
from tashawur.core.fields import TranslatedFormField


class ContactListForm(forms.Form):
    group = forms.ModelChoiceField(label=_("Working group"), queryset=None)
    name = forms.CharField(label=_("Name of the list"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("First row: the column names. Columns: email (required), name, organisation, language "
                    "(ar, zh, en, fr, ru or es), country (ISO code such as SA or FR), stakeholder group."),
    )
    encoding = forms.ChoiceField(
        label=_("Character encoding"), required=False,
        choices=[("", _("Recognise it")), ("utf-8", "UTF-8"), ("cp1256", _("Windows-1256 (Arabic)")),
                 ("cp1252", _("Windows-1252 (Western European)")), ("cp1251", _("Windows-1251 (Cyrillic)"))],
        help_text=_("If the names in the report look garbled, import the file again with its encoding."),
    )


class AnnouncementForm(forms.Form):
    consultation = forms.ModelChoiceField(label=_("Consultation"), queryset=None)
    contact_list = forms.ModelChoiceField(label=_("Contact list"), queryset=None)
    subject = TranslatedFormField(
        label=_("Subject"), max_length=200, required=False,
        help_text=_("Leave empty to use the standard subject in each language."),
    )
    introduction = TranslatedFormField(
        label=_("Introduction"), multiline=True, max_length=10000, required=False,
        help_text=_("Optional. Placed before the consultation's title, questions, deadline and addresses, which "
                    "are added in each contact's language. A contact whose language has no text receives English."),
    )
    rate_per_minute = forms.IntegerField(
        label=_("Messages per minute"), required=False, min_value=1, max_value=MAX_RATE_PER_MINUTE,
        help_text=_("Leave empty for the site's setting."),
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = Consultation.objects.filter(group__in=groups).select_related("topic")
        self.fields["contact_list"].queryset = ContactList.objects.filter(group__in=groups).select_related("group")


class DecisionForm(forms.Form):
    """What to do with deliveries that were interrupted while being sent."""

    deliveries = forms.ModelMultipleChoiceField(label=_("Addresses"), queryset=None,
                                                widget=forms.CheckboxSelectMultiple)
    send_again = forms.TypedChoiceField(
        label=_("Decision"), coerce=lambda value: value == "yes", widget=forms.RadioSelect,
        choices=[("yes", _("Send again: the recipient may receive it twice")),
                 ("no", _("Do not send again: the recipient may have received nothing"))],
    )

    def __init__(self, *args, deliveries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deliveries"].queryset = deliveries
        self.fields["deliveries"].label_from_instance = lambda delivery: delivery.address
