"""A model field holding one text per UN language, edited as six labelled inputs."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _, ngettext_lazy

from tashawur.core.languages import CONTENT_LANGUAGES, LANGUAGE_NAMES, text_direction


class TranslatedWidget(forms.MultiWidget):
    template_name = "core/widgets/translated.html"

    def __init__(self, multiline: bool = False, attrs=None):
        widgets = []
        for code in CONTENT_LANGUAGES:
            base = {"lang": code, "dir": text_direction(code)}
            if multiline:
                widgets.append(forms.Textarea(attrs={**base, "rows": 3, "cols": 60}))
            else:
                widgets.append(forms.TextInput(attrs={**base, "size": 60}))
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code in CONTENT_LANGUAGES]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for code, subwidget in zip(CONTENT_LANGUAGES, context["widget"]["subwidgets"]):
            subwidget["language_name"] = LANGUAGE_NAMES[code]
            subwidget["language_code"] = code
        return context


class TranslatedFormField(forms.MultiValueField):
    def __init__(self, *, multiline: bool = False, max_length: int | None = None, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        fields = [forms.CharField(required=False, max_length=max_length) for _code in CONTENT_LANGUAGES]
        super().__init__(
            fields,
            widget=TranslatedWidget(multiline=multiline),
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list):
        values = {
            code: text.strip()
            for code, text in zip(CONTENT_LANGUAGES, data_list or [])
            if text and text.strip()
        }
        if self.required and not values:
            raise ValidationError(_("Give the text in at least one language."), code="required")
        return values


class TranslatedTextField(models.JSONField):
    """Per-language text stored as ``{"en": "...", "ar": "..."}`` (ISO 639-1 keys)."""

    description = _("Text in the six UN languages")

    def __init__(self, *args, multiline: bool = False, max_length: int | None = None, **kwargs):
        self.multiline = multiline
        self.text_max_length = max_length
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.multiline:
            kwargs["multiline"] = True
        if self.text_max_length:
            kwargs["max_length"] = self.text_max_length
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, dict):
            raise ValidationError(_("Expected a text per language."), code="invalid")
        for code, text in value.items():
            if code not in CONTENT_LANGUAGES:
                raise ValidationError(
                    _("%(code)s is not one of the six UN languages."), code="invalid", params={"code": code}
                )
            if not isinstance(text, str):
                raise ValidationError(_("Each translation must be text."), code="invalid")
            if self.text_max_length and len(text) > self.text_max_length:
                raise ValidationError(
                    ngettext_lazy(
                        "The text in %(language)s is longer than the limit of %(limit)d character.",
                        "The text in %(language)s is longer than the limit of %(limit)d characters.",
                        "limit",
                    ),
                    code="max_length",
                    params={"language": LANGUAGE_NAMES[code], "limit": self.text_max_length},
                )
        if not self.blank and not any(value.values()):
            raise ValidationError(_("Give the text in at least one language."), code="required")

    def formfield(self, **kwargs):
        return TranslatedFormField(
            multiline=self.multiline,
            max_length=self.text_max_length,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
            initial=self.get_default(),
        )
