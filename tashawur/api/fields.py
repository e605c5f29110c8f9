"""Serializer fields shared by the API's serializers."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tashawur.core.languages import CONTENT_LANGUAGES


@extend_schema_field({
    "type": "object",
    "description": "The text per UN language (ISO 639-1 keys: " + ", ".join(CONTENT_LANGUAGES) + ").",
    "additionalProperties": {"type": "string"},
    "example": {"en": "Development aspects of the Internet", "ar": "الجوانب الإنمائية للإنترنت"},
})
class TranslatedText(serializers.Field):
    """A per-language text, given in every language it exists in (the reader picks)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return {code: text for code, text in (value or {}).items() if text}


class StrictCharField(serializers.CharField):
    """Text only: a number or a boolean where text is expected is an error, not silently converted."""

    default_error_messages = {"not_text": "Expected text."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_text")
        return super().to_internal_value(data)
