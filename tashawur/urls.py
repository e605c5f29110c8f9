from django.contrib import admin
from django.urls import include, path

from tashawur.consultations import views as consultation_views

urlpatterns = [
    path("", consultation_views.home, name="home"),
    path("consultations/<slug:slug>/", consultation_views.consultation_detail, name="consultation-detail"),
    path("", include("tashawur.responses.urls_submit")),
    path("", include("tashawur.responses.urls_public")),
    path("", include("tashawur.documents.urls")),
    path("issues/", include("tashawur.policy.urls")),
    path("repository/", include("tashawur.repository.urls")),
    path("positions/", include("tashawur.positions.urls")),
    path("mandates/", include("tashawur.mandates.urls")),
    path("annual-reports/", include("tashawur.annualreports.urls")),
    path("meetings/", include("tashawur.meetings.urls")),
    path("api/", include("tashawur.api.urls")),
    path("opendata/", include("tashawur.opendata.urls")),
    path("", include("tashawur.search.urls")),
    path("", include("tashawur.announcements.urls")),
    path("account/", include("tashawur.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# Errors under /api/ are RFC 9457 problems (application/problem+json); elsewhere, Django's pages.
handler400 = "tashawur.api.problems.bad_request"
handler403 = "tashawur.api.problems.permission_denied"
handler404 = "tashawur.api.problems.page_not_found"
handler500 = "tashawur.api.problems.server_error"

admin.site.site_header = "Tashawur"
admin.site.site_title = "Tashawur"
