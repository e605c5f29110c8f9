"""The API's index and the documentation of its problem types."""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from tashawur.api.problems import PROBLEM_TYPES
from tashawur.api.views import ConditionalGet


class ProblemTypeSerializer(serializers.Serializer):
    code = serializers.CharField()
    status = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()


class ProblemTypeView(ConditionalGet, APIView):
    """What a problem ``type`` means (the ``type`` URI of a problem points here)."""

    @extend_schema(responses=ProblemTypeSerializer)
    def get(self, request, code):
        if code not in PROBLEM_TYPES:
            raise Http404
        status_code, title, description = PROBLEM_TYPES[code]
        data = {"code": code, "status": status_code, "title": str(title), "description": str(description)}
        return Response(ProblemTypeSerializer(data).data)


class IndexView(ConditionalGet, APIView):
    """Where everything is: the resources, the schema and its documentation."""

    schema = None

    def get(self, request):
        names = {
            "groups": "api:group-list", "member_states": "api:member-state-list", "meetings": "api:meeting-list",
            "cycles": "api:cycle-list", "decisions": "api:decision-list", "consultations": "api:consultation-list",
            "responses": "api:response-list", "report_versions": "api:report-version-list", "search": "api:search",
            "data_dictionary": "api:data-dictionary",
            "schema": "api:schema", "documentation": "api:docs",
        }
        return Response({key: request.build_absolute_uri(reverse(name)) for key, name in names.items()})
