"""Responses through the API: the public representation, statistics, and the writes.

Public means published and not group-only; an anonymous response carries no
name and no organisation (as in the export). The e-mail address is never part
of any public representation.
"""

import base64
import binascii

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tashawur.api.fields import StrictCharField
from tashawur.api.serializers import absolute
from tashawur.consultations.models import Consultation
from tashawur.responses.models import Answer, Attachment, Publication, RejectionReason, Response, StakeholderGroup
from tashawur.responses.templatetags.response_display import clean_html


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "filename", "content_type", "size", "sha256", "url"]

    def get_url(self, attachment) -> str:
        response = attachment.response
        path = reverse("response-attachment", args=[response.receipt_number, attachment.pk, attachment.filename])
        return absolute(self.context, path)


class AnswerSerializer(serializers.ModelSerializer):
    question = serializers.IntegerField(source="question_id", help_text="The question's id.")
    position = serializers.IntegerField(source="question.position", help_text="The question's number.")
    text = serializers.CharField(source="public_text")
    html = serializers.SerializerMethodField(help_text="Sanitised HTML when the answer was formatted, else empty.")

    class Meta:
        model = Answer
        fields = ["question", "position", "text", "html"]

    def get_html(self, answer) -> str:
        return clean_html(answer.html) if answer.redacted_text is None and answer.html else ""


class ResponseSerializer(serializers.ModelSerializer):
    consultation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    author_name = serializers.SerializerMethodField(help_text="Empty when the author chose to publish anonymously.")
    organisation = serializers.SerializerMethodField(help_text="Empty when the author chose to publish anonymously.")
    body = serializers.CharField(source="public_body", help_text="The message or oral statement, as published.")
    answers = AnswerSerializer(many=True, read_only=True)
    attachments = serializers.SerializerMethodField()
    meeting = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="For an oral statement: the meeting.",
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = Response
        fields = [
            "receipt_number", "consultation", "channel", "publication", "author_name", "organisation", "country",
            "stakeholder_group", "language", "received_at", "published_at", "meeting", "body", "answers",
            "attachments", "url",
        ]

    def get_author_name(self, response) -> str:
        return "" if response.publication == Publication.ANONYMOUS else response.author_name

    def get_organisation(self, response) -> str:
        return "" if response.publication == Publication.ANONYMOUS else response.organisation

    @extend_schema_field(AttachmentSerializer(many=True))
    def get_attachments(self, response) -> list:
        return AttachmentSerializer(response.public_attachments, many=True, context=self.context).data

    def get_url(self, response) -> str:
        path = reverse("consultation-response", args=[response.consultation.slug, response.receipt_number])
        return absolute(self.context, path)


class StatisticsRowSerializer(serializers.Serializer):
    stakeholder_group = serializers.CharField(help_text="Empty for responses that did not say.")
    label = serializers.CharField()
    by_channel = serializers.DictField(child=serializers.IntegerField())
    total = serializers.IntegerField()


class StatisticsSerializer(serializers.Serializer):
    consultation = serializers.CharField()
    total = serializers.IntegerField(help_text="Published responses, group-only ones included (counted, never shown).")
    public = serializers.IntegerField(help_text="Published responses anyone may read.")
    by_channel = serializers.DictField(child=serializers.IntegerField())
    rows = StatisticsRowSerializer(many=True)
    countries = serializers.ListField(child=serializers.CharField())
    languages = serializers.ListField(child=serializers.CharField())


# --- writes ---------------------------------------------------------------------------------

class AnswerInputSerializer(serializers.Serializer):
    question = serializers.IntegerField(min_value=1, help_text="The question's id (see the consultation).")
    text = StrictCharField(max_length=50000, allow_blank=False, trim_whitespace=False)


class AttachmentInputSerializer(serializers.Serializer):
    filename = StrictCharField(max_length=255)
    content_base64 = StrictCharField(help_text="The file's bytes, base64-encoded.")

    def validate_content_base64(self, value):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise serializers.ValidationError(_("This is not base64.")) from None


class SubmissionSerializer(serializers.Serializer):
    consultation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Consultation.objects.select_related("group", "topic"),
    )
    answers = AnswerInputSerializer(many=True, required=False, default=list)
    body = StrictCharField(required=False, allow_blank=True, default="", max_length=100000, trim_whitespace=False)
    attachments = AttachmentInputSerializer(many=True, required=False, default=list, max_length=10)
    author_name = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    author_email = serializers.EmailField(max_length=254, help_text="Never published.")
    organisation = StrictCharField(max_length=300, required=False, allow_blank=True, default="")
    country = StrictCharField(max_length=2, min_length=2, required=False, allow_blank=True, default="",
                              help_text="ISO 3166-1 alpha-2 code.")
    stakeholder_group = serializers.ChoiceField(choices=StakeholderGroup.choices, required=False, allow_blank=True,
                                                default="")
    publication = serializers.ChoiceField(choices=Publication.choices, default=Publication.NAMED)


class SubmissionResultSerializer(serializers.ModelSerializer):
    consultation = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Response
        fields = ["receipt_number", "consultation", "status", "channel", "publication", "received_at"]


class RejectionSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=RejectionReason.choices)
    note = StrictCharField(max_length=2000, required=False, allow_blank=True, default="")


class ModerationResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = Response
        fields = ["receipt_number", "status", "rejection_reason", "published_at"]

