"""Published versions of the compiled reports (Res. 1336 rules 5 and 8): public edition only.

Every version stays available: publishing again adds version n+1 (see the documents app).
"""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tashawur.api.views import ReadOnlyViewSet
from tashawur.documents.models import Edition, PublicationState, ReportFile, ReportVersion


class ReportFileSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = ReportFile
        fields = ["language", "format", "size", "sha256", "url"]

    def get_url(self, report_file) -> str:
        version = report_file.version
        path = reverse("documents:report-file", kwargs={
            "slug": version.consultation.slug, "edition": version.edition, "version": version.version,
            "language": report_file.language, "file_format": report_file.format,
        })
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class ReportVersionSerializer(serializers.ModelSerializer):
    consultation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    group = serializers.SlugRelatedField(source="consultation.group", slug_field="code", read_only=True)
    files = ReportFileSerializer(many=True, read_only=True)

    class Meta:
        model = ReportVersion
        fields = ["id", "consultation", "group", "version", "symbol", "languages", "formats", "response_count",
                  "published_at", "files"]


class ReportVersionFilter(django_filters.FilterSet):
    consultation = django_filters.CharFilter(field_name="consultation__slug", help_text=_("Slug of a consultation."))
    group = django_filters.CharFilter(field_name="consultation__group__code", help_text=_("Code of a working group."))

    class Meta:
        model = ReportVersion
        fields = ["consultation", "group"]


class ReportVersionViewSet(ReadOnlyViewSet):
    """Compiled reports as published, every version, with their files (PDF, DOCX, HTML per language)."""

    queryset = (
        ReportVersion.objects.filter(edition=Edition.PUBLIC, state=PublicationState.PUBLISHED)
        .select_related("consultation__group").prefetch_related("files")
    )
    serializer_class = ReportVersionSerializer
    filterset_class = ReportVersionFilter
    ordering = "pk"
