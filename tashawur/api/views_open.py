"""Search, bulk exports and the data dictionary through the API (the same code as the public site)."""

from django.http import Http404
from django.urls import reverse
from django.utils.html import escape
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from tashawur.api.views import ConditionalGet
from tashawur.opendata import dictionary, exports
from tashawur.opendata.views import consultation_for_export, export_http_response
from tashawur.responses.templatetags.response_display import text_dir
from tashawur.search import selectors as search


class SearchParameters(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=500, default="",
                              help_text="Words to find; every word must appear.")
    kind = serializers.ChoiceField(choices=["consultation", "question", "response", "attachment"], required=False)
    group = serializers.CharField(required=False, max_length=40)
    consultation = serializers.CharField(required=False, max_length=80)
    stakeholder_group = serializers.CharField(required=False, max_length=30)
    language = serializers.CharField(required=False, max_length=8)
    channel = serializers.CharField(required=False, max_length=10)
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999)
    page = serializers.IntegerField(required=False, min_value=1, max_value=1000, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=search.MAX_PAGE_SIZE,
                                         default=search.PAGE_SIZE)


class HitSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    language = serializers.CharField(help_text="ISO 639-1 code of the text, for lang attributes.")
    direction = serializers.CharField(help_text="ltr, rtl or auto, for dir attributes.")
    snippet = serializers.CharField(help_text="A window of the text around the first match.")
    snippet_html = serializers.CharField(help_text="The same, HTML-escaped, with <mark> around each match.")
    score = serializers.FloatField()
    group = serializers.CharField()
    consultation = serializers.CharField()
    receipt_number = serializers.CharField(help_text="For a response or an attachment, else empty.")
    year = serializers.IntegerField(allow_null=True)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField()


class SearchResultsSerializer(serializers.Serializer):
    query = serializers.CharField()
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    next = serializers.CharField(allow_null=True)
    results = HitSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))


def _hit(request, hit) -> dict:
    return {
        "kind": hit.kind, "title": hit.title, "url": request.build_absolute_uri(hit.url), "language": hit.language,
        "direction": text_dir(hit.language), "snippet": "".join(segment.text for segment in hit.snippet),
        "snippet_html": "".join(f"<mark>{escape(s.text)}</mark>" if s.matched else escape(s.text) for s in hit.snippet),
        "score": hit.rank, "group": hit.group, "consultation": hit.consultation,
        "receipt_number": hit.receipt_number, "year": hit.year,
    }


class SearchView(ConditionalGet, APIView):
    """Full-text search across consultations, questions, published responses and attachments, with facets."""

    @extend_schema(parameters=[SearchParameters], responses=SearchResultsSerializer)
    def get(self, request):
        parameters = SearchParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        data = parameters.validated_data
        names = ("kind", "group", "consultation", "stakeholder_group", "language", "channel")
        filters = search.SearchFilters(**{name: data.get(name, "") for name in names}, year=data.get("year"))
        results = search.search(data["q"], filters=filters, page=data["page"], page_size=data["page_size"])
        next_link = None
        if results.has_next:
            query = request.query_params.copy()
            query["page"] = str(results.page + 1)
            next_link = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
        body = {
            "query": results.query, "total": results.total, "page": results.page, "page_size": results.page_size,
            "next": next_link, "results": [_hit(request, hit) for hit in results.hits],
            "facets": {name: [{"value": v.value, "count": v.count} for v in values]
                       for name, values in results.facets.items()},
        }
        return Response(SearchResultsSerializer(body).data)


class DictionaryFieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.CharField()
    description = serializers.CharField()


class DictionaryFormatSerializer(serializers.Serializer):
    format = serializers.CharField()
    description = serializers.CharField()


class DataDictionarySerializer(serializers.Serializer):
    fields = DictionaryFieldSerializer(many=True)
    formats = DictionaryFormatSerializer(many=True)


class DataDictionaryView(ConditionalGet, APIView):
    """What each field of the exported responses means, and the export formats."""

    @extend_schema(responses=DataDictionarySerializer)
    def get(self, request):
        return Response(DataDictionarySerializer(dictionary.as_data()).data)


class AnyFormat(BaseRenderer):
    """Lets a client that asks for CSV, NDJSON or ZIP reach the export (which renders itself)."""

    media_type = "*/*"
    format = "export"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return JSONRenderer().render(data, "application/json", renderer_context)


_EXPORT_MEDIA = {
    (200, "text/csv"): OpenApiTypes.BINARY,
    (200, "application/json"): OpenApiTypes.OBJECT,
    (200, "application/x-ndjson"): OpenApiTypes.BINARY,
    (200, "application/zip"): OpenApiTypes.BINARY,
}


class ExportView(APIView):
    """A consultation's published responses in bulk (csv, json, ndjson) or its published files (zip)."""

    renderer_classes = [JSONRenderer, AnyFormat]

    @extend_schema(
        parameters=[OpenApiParameter("fmt", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(exports.FORMATS),
                                     description="csv, json, ndjson or zip")],
        responses={**_EXPORT_MEDIA, 404: OpenApiResponse(description="No such consultation or format.")},
    )
    def get(self, request, slug, fmt):
        if fmt not in exports.FORMATS:
            raise Http404
        response = export_http_response(request, consultation_for_export(slug), fmt)
        response["Link"] = f'<{request.build_absolute_uri(reverse("api:data-dictionary"))}>; rel="describedby"'
        return response
