from django.urls import path, re_path

from tashawur.documents import views

app_name = "documents"

urlpatterns = [
    path("consultations/<slug:slug>/report/", views.current_report, name="current-report"),
    re_path(
        r"^consultations/(?P<slug>[-\w]+)/report/(?P<edition>public|group)/v(?P<version>\d+)/"
        r"(?P<language>ar|zh|en|fr|ru|es)\.(?P<file_format>pdf|docx|html)$",
        views.report_file, name="report-file",
    ),
    re_path(r"^consultations/(?P<slug>[-\w]+)/files/(?P<sha256>[0-9a-f]{64})/$", views.attachment, name="attachment"),
]
