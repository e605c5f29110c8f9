"""Responses through the API: public reads, submission with a token, and the secretariat's moderation.

Every write goes through the same services as the web form and the e-mail channel
(``submit_response``, ``publish_response``, ``reject_response``), so a rule is enforced once.
"""

import logging

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.response import Response

from tashawur.api import filters, selectors
from tashawur.api.serializers_responses import (
    ModerationResultSerializer, RejectionSerializer, ResponseSerializer, SubmissionResultSerializer,
    SubmissionSerializer,
)
from tashawur.api.throttling import SubmitRate
from tashawur.api.views import ReadOnlyViewSet
from tashawur.responses.attachments import check_attachment
from tashawur.responses.models import Channel
from tashawur.responses.selectors import responses_for_moderation
from tashawur.responses.services import AnswerInput, Submission, publish_response, reject_response, submit_response

log = logging.getLogger(__name__)

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description="Any string up to 200 characters; sending the same key again returns the first response.",
)


class ResponseViewSet(ReadOnlyViewSet):
    """Published responses (never group-only; anonymous ones without a name), and the writes on them."""

    serializer_class = ResponseSerializer
    filterset_class = filters.ResponseFilter
    lookup_field = "receipt_number"
    ordering = ("received_at", "pk")

    def get_queryset(self):
        return selectors.public_responses()

    def get_throttles(self):
        throttles = super().get_throttles()
        if self.action == "create":
            throttles.append(SubmitRate())
        return throttles

    @extend_schema(
        request=SubmissionSerializer, parameters=[IDEMPOTENCY_KEY],
        responses={201: SubmissionResultSerializer, 200: OpenApiResponse(
            SubmissionResultSerializer, description="The same Idempotency-Key was sent before: the first response.")},
    )
    def create(self, request):
        """Submit a response for someone (channel "api"); it is received, then moderated like any other."""
        serializer = SubmissionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        submission = Submission(
            consultation=data["consultation"], channel=Channel.API, received_at=timezone.now(),
            answers={answer["question"]: AnswerInput(answer["text"]) for answer in data["answers"]},
            body=data["body"],
            attachments=[check_attachment(item["filename"], item["content_base64"]) for item in data["attachments"]],
            author_name=data["author_name"], author_email=data["author_email"], organisation=data["organisation"],
            country=data["country"], stakeholder_group=data["stakeholder_group"], publication=data["publication"],
            idempotency_key=self._idempotency_key(request),
        )
        with transaction.atomic(durable=True):
            result = submit_response(submission=submission, actor=request.user)
        if result.created:
            log.info("api response stored receipt=%s consultation=%s token=%s", result.response.receipt_number,
                     submission.consultation.slug, request.auth.pk)
        body = SubmissionResultSerializer(result.response).data
        if not result.created:
            return Response(body, status=status.HTTP_200_OK, headers={"Idempotent-Replayed": "true"})
        return Response(body, status=status.HTTP_201_CREATED)

    def _idempotency_key(self, request) -> str | None:
        key = request.headers.get("Idempotency-Key", "").strip()
        if not key:
            return None
        if len(key) > 200 or not key.isprintable():
            raise exceptions.ValidationError({"Idempotency-Key": [_("Use at most 200 printable characters.")]})
        return f"api:{request.user.pk}:{key}"  # one client's key never collides with another's

    def _for_moderation(self, receipt_number):
        response = responses_for_moderation(self.request.user).filter(receipt_number=receipt_number).first()
        if response is None:
            raise Http404
        return response

    @extend_schema(request=None, responses=ModerationResultSerializer, filters=False)
    @action(detail=True, methods=["post"], pagination_class=None, filterset_class=None)
    def publish(self, request, receipt_number=None):
        """The secretariat publishes a received (or rejected) response (Res. 1336 rule 8)."""
        response = publish_response(actor=request.user, response=self._for_moderation(receipt_number))
        return Response(ModerationResultSerializer(response).data)

    @extend_schema(request=RejectionSerializer, responses=ModerationResultSerializer, filters=False)
    @action(detail=True, methods=["post"], pagination_class=None, filterset_class=None)
    def reject(self, request, receipt_number=None):
        """The secretariat rejects a response with a reason; it is kept, never deleted."""
        serializer = RejectionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        response = reject_response(
            actor=request.user, response=self._for_moderation(receipt_number),
            reason=serializer.validated_data["reason"], note=serializer.validated_data["note"],
        )
        return Response(ModerationResultSerializer(response).data)
