"""Read-only endpoints of the reference data: public, cacheable, paginated by cursor."""

from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import conditional_page
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tashawur.api import filters, selectors, serializers
from tashawur.api.serializers_responses import StatisticsSerializer
from tashawur.consultations.models import Consultation
from tashawur.responses.selectors import PUBLIC_PUBLICATIONS, responses_overview


class ConditionalGet:
    """ETag on every GET (a hash of the body) and 304 for a matching If-None-Match; caches must revalidate."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        return conditional_page(super().as_view(*args, **kwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, no_cache=True)
        return response


class ReadOnlyViewSet(ConditionalGet, viewsets.ReadOnlyModelViewSet):
    pass


class WorkingGroupViewSet(ReadOnlyViewSet):
    """Working groups, their rule settings and member states."""

    queryset = selectors.groups()
    serializer_class = serializers.WorkingGroupSerializer
    lookup_field = "code"
    ordering = "code"


class MemberStateViewSet(ReadOnlyViewSet):
    """The 193 member states of the United Nations, with their CLDR names."""

    queryset = selectors.member_states()
    serializer_class = serializers.MemberStateSerializer
    lookup_field = "code"
    ordering = "code"


class MeetingViewSet(ReadOnlyViewSet):
    """Group meetings, physical open consultation meetings, and meetings at stakeholder events."""

    queryset = selectors.meetings()
    serializer_class = serializers.MeetingSerializer
    filterset_class = filters.MeetingFilter
    ordering = ("starts_on", "pk")


class CycleViewSet(ReadOnlyViewSet):
    """Cycles between two group meetings, with the member states' topic proposals."""

    queryset = selectors.cycles()
    serializer_class = serializers.CycleSerializer
    filterset_class = filters.CycleFilter
    ordering = "pk"


class DecisionViewSet(ReadOnlyViewSet):
    """What group meetings decided: topics adopted, or no consensus and candidates referred to Council."""

    queryset = selectors.decisions()
    serializer_class = serializers.DecisionSerializer
    filterset_class = filters.DecisionFilter
    ordering = "pk"


class ConsultationViewSet(ReadOnlyViewSet):
    """Consultations with their questions, computed status, timeline and rule findings."""

    queryset = selectors.consultations()
    serializer_class = serializers.ConsultationSerializer
    filterset_class = filters.ConsultationFilter
    lookup_field = "slug"
    ordering = "pk"

    @extend_schema(responses=StatisticsSerializer, filters=False)
    @action(detail=True, pagination_class=None, filterset_class=None)
    def statistics(self, request, slug=None):
        """Published responses by stakeholder group and channel (the table of seed 001)."""
        try:
            consultation = Consultation.objects.get(slug=slug)
        except Consultation.DoesNotExist:
            raise Http404 from None
        overview = responses_overview(consultation, publications=PUBLIC_PUBLICATIONS)
        table = overview.statistics
        channels = [value for value, _label in table.channels]
        data = {
            "consultation": consultation.slug,
            "total": table.total,
            "public": overview.visible_total,
            "by_channel": dict(zip(channels, table.column_totals)),
            "rows": [
                {"stakeholder_group": row.stakeholder_group, "label": row.label,
                 "by_channel": dict(zip(channels, row.counts)), "total": row.total}
                for row in table.rows
            ],
            "countries": list(overview.countries),
            "languages": list(overview.languages),
        }
        return Response(StatisticsSerializer(data).data)
