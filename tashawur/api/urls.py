from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from tashawur.api import views, views_meta, views_open, views_reports, views_responses

app_name = "api"

router = SimpleRouter()
router.register("groups", views.WorkingGroupViewSet, basename="group")
router.register("member-states", views.MemberStateViewSet, basename="member-state")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("cycles", views.CycleViewSet, basename="cycle")
router.register("decisions", views.DecisionViewSet, basename="decision")
router.register("consultations", views.ConsultationViewSet, basename="consultation")
router.register("responses", views_responses.ResponseViewSet, basename="response")
router.register("report-versions", views_reports.ReportVersionViewSet, basename="report-version")

urlpatterns = [
    path("v1/", views_meta.IndexView.as_view(), name="index"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("v1/redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("v1/problems/<slug:code>/", views_meta.ProblemTypeView.as_view(), name="problem-type"),
    path("v1/search/", views_open.SearchView.as_view(), name="search"),
    path("v1/search", views_open.SearchView.as_view(schema=None), name="search-no-slash"),
    path("v1/data-dictionary/", views_open.DataDictionaryView.as_view(), name="data-dictionary"),
    path(
        "v1/consultations/<slug:slug>/export/<str:fmt>/", views_open.ExportView.as_view(),
        name="consultation-export",
    ),
    path("v1/", include(router.urls)),
]
