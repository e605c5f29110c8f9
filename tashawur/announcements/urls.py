"""The secretariat's announcement pages under /announcements/, and the public unsubscribe link."""

from django.urls import path, re_path

from tashawur.announcements import views

app_name = "announcements"

urlpatterns = [
    re_path(r"^unsubscribe/(?P<token>[0-9a-f]{32})/$", views.unsubscribe, name="unsubscribe"),
    path("announcements/", views.index, name="index"),
    path("announcements/lists/<int:pk>/", views.contact_list, name="list"),
    path("announcements/lists/<int:pk>/import/", views.import_contacts, name="import-contacts"),
    path("announcements/imports/<int:pk>/", views.import_report, name="import"),
    path("announcements/imports/<int:pk>/rejected.csv", views.rejected_rows_csv, name="rejected-csv"),
    path("announcements/new/", views.new_announcement, name="new"),
    path("announcements/<int:pk>/", views.detail, name="detail"),
    path("announcements/<int:pk>/start/", views.start, name="start"),
    path("announcements/<int:pk>/pause/", views.pause, name="pause"),
    path("announcements/<int:pk>/resume/", views.resume, name="resume"),
    path("announcements/<int:pk>/decide/", views.decide, name="decide"),
]
