from django.urls import path

from tashawur.repository import views

app_name = "repository"
urlpatterns = [
    path("", views.entry_list, name="entry-list"),
    path("contribute/", views.contribute, name="contribute"),
    path("export.json", views.entry_export, {"fmt": "json"}, name="export-json"),
    path("export.csv", views.entry_export, {"fmt": "csv"}, name="export-csv"),
    path("<int:pk>/", views.entry_detail, name="entry-detail"),
    path("<int:pk>/files/<int:file_pk>/<str:filename>", views.entry_file, name="entry-file"),
]
