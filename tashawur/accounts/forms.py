from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from tashawur.accounts.models import LANGUAGE_CHOICES


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), max_length=150,
        help_text=_("We send a link to this address; responses sent from it will be shown in your account."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(label=_("Name (optional)"), max_length=150, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    language = forms.ChoiceField(label=_("Language of the messages we send you"), choices=LANGUAGE_CHOICES)
    password1 = forms.CharField(
        label=_("Password"), strip=False, help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(label=_("Password again"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = User(username=cleaned.get("email", ""), email=cleaned.get("email", ""),
                             first_name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EmailLoginForm(AuthenticationForm):
    """Log-in with the e-mail address, which is the username of a stakeholder account."""

    username = forms.CharField(label=_("E-mail address"), max_length=254,
                               widget=forms.TextInput(attrs={"autocomplete": "email", "autofocus": True}))

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The e-mail address and the password do not match an account."),
    }

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        return username.lower() if "@" in username else username


class SubscriptionsForm(forms.Form):
    """A checkbox per group and notice, and the language of the notices."""

    language = forms.ChoiceField(label=_("Language of the messages we send you"), choices=LANGUAGE_CHOICES)

    def __init__(self, *args, table, **kwargs):
        super().__init__(*args, **kwargs)
        self.table = table
        for group, notices in table:
            for kind, label, followed in notices:
                self.fields[self.key(group.pk, kind)] = forms.BooleanField(label=label, required=False,
                                                                           initial=followed)

    @staticmethod
    def key(group_id: int, kind: str) -> str:
        return f"g{group_id}_{kind}"

    def rows(self):
        """(group, [bound field, ...]) for the template's fieldsets."""
        return [(group, [self[self.key(group.pk, kind)] for kind, _label, _followed in notices])
                for group, notices in self.table]

    def wanted(self) -> set[tuple[int, str]]:
        return {(group.pk, kind) for group, notices in self.table for kind, _label, _followed in notices
                if self.cleaned_data.get(self.key(group.pk, kind))}


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    anonymise = forms.BooleanField(
        label=_("Also remove my name and e-mail address from the responses I sent"), required=False,
        help_text=_("The responses themselves stay, because they belong to the consultation; they will be shown "
                    "without your name."),
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."), code="wrong_password")
        return password
